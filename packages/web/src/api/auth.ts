import type { Locale } from '@coso/domain';
import { http } from './client';
import type { AccessToken, LoginResult, Me, Meta } from './types';

export function getMeta(): Promise<Meta> {
  return http.get<Meta>('/api/v1/meta', undefined, { allowUnauthenticated: true });
}

export function login(loginName: string, password: string): Promise<LoginResult> {
  return http.post<LoginResult>(
    '/api/v1/auth/login',
    { login: loginName, password },
    { allowUnauthenticated: true },
  );
}

export function logout(): Promise<void> {
  return http.post<void>('/api/v1/auth/logout', undefined, { allowUnauthenticated: true });
}

/** The current user; `allowUnauthenticated` because "not logged in" is a normal answer at start-up. */
export function getMe(): Promise<Me> {
  return http.get<Me>('/api/v1/me', undefined, { allowUnauthenticated: true });
}

export function updateMe(body: { locale?: Locale; displayName?: string }): Promise<Me> {
  return http.patch<Me>('/api/v1/me', body);
}

export function changeMyPassword(currentPassword: string, newPassword: string): Promise<void> {
  return http.post<void>('/api/v1/me/password', { currentPassword, newPassword });
}

export function listTokens(userId?: string): Promise<{ items: AccessToken[] }> {
  return http.get<{ items: AccessToken[] }>('/api/v1/auth/tokens', { userId });
}

export function revokeToken(id: string): Promise<void> {
  return http.delete(`/api/v1/auth/tokens/${encodeURIComponent(id)}`);
}
