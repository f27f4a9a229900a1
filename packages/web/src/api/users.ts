import { http } from './client';
import type { Page, User, UserCreateBody, UserQuery, UserUpdateBody } from './types';

const base = '/api/v1/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listUsers(query: UserQuery): Promise<Page<User>> {
  return http.get<Page<User>>(base, { ...query });
}

export function getUser(id: string): Promise<User> {
  return http.get<User>(one(id));
}

export function createUser(body: UserCreateBody): Promise<User> {
  return http.post<User>(base, body);
}

export function updateUser(id: string, body: UserUpdateBody): Promise<User> {
  return http.patch<User>(one(id), body);
}

export function resetUserPassword(id: string, password: string): Promise<void> {
  return http.post<void>(`${one(id)}/password`, { password });
}
