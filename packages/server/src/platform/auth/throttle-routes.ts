import { loginThrottlesSchema, throttlesClearedSchema } from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { AuthService } from './service.js';
import type { Throttle } from './throttle.js';

const presentThrottle = (t: Throttle) => ({
  kind: t.kind,
  login: t.login,
  ip: t.ip,
  failures: t.failures,
  firstAt: t.firstAt,
  lastAt: t.lastAt,
  blockedUntil: t.blockedUntil,
  delaySeconds: t.delaySeconds,
});

/** An account, an address, or both (that account from that address); at least one. */
const clearBody = z
  .object({
    login: z.string().trim().min(1).max(200).optional(),
    ip: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => b.login !== undefined || b.ip !== undefined, { message: 'login_or_ip', path: ['login'] });

/** Administrators see who is being throttled at login and may lift a throttle (e.g. a whole office's NAT). */
export function throttleRoutes(app: Api, { auth }: { auth: AuthService }) {
  const tags = ['auth'];

  app.get(
    '/api/v1/auth/throttles',
    {
      schema: {
        tags,
        summary: 'Failed logins within the window per address, account and both (admin)',
        response: { 200: loginThrottlesSchema },
      },
    },
    async (request) => {
      authedContext(request, 'users.manage');
      const { windowMinutes, items } = await auth.throttles.list();
      return { windowMinutes, items: items.map(presentThrottle) };
    },
  );

  app.post(
    '/api/v1/auth/throttles/clear',
    {
      schema: {
        tags,
        summary: 'Forget the failed logins of an account, an address, or both (admin, audited)',
        body: clearBody,
        response: { 200: throttlesClearedSchema },
      },
    },
    async (request) => {
      const cleared = await auth.throttles.clear(authedContext(request, 'users.manage'), request.body);
      return { cleared };
    },
  );
}
