import { http } from '../../api/client';

export type ThrottleKind = 'address' | 'account' | 'account_address';

/** Failed logins within the window, per address, account, or account from one address (server throttle.ts). */
export interface LoginThrottle {
  kind: ThrottleKind;
  login: string | null;
  ip: string | null;
  failures: number;
  firstAt: string;
  lastAt: string;
  blockedUntil: string | null;
  delaySeconds: number;
}

export const throttlesApi = {
  list: () => http.get<{ windowMinutes: number; items: LoginThrottle[] }>('/api/v1/auth/throttles'),
  clear: (target: { login?: string; ip?: string }) =>
    http.post<{ cleared: number }>('/api/v1/auth/throttles/clear', target),
};
