import type { Contract, LoginThrottle, loginThrottlesSchema, throttlesClearedSchema } from '@coso/domain';
import { http } from '../../api/client';

export type { LoginThrottle };

export const throttlesApi = {
  list: () => http.get<Contract<typeof loginThrottlesSchema>>('/api/v1/auth/throttles'),
  clear: (target: { login?: string; ip?: string }) =>
    http.post<Contract<typeof throttlesClearedSchema>>('/api/v1/auth/throttles/clear', target),
};
