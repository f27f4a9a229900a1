import type { Locale, Permission } from '@coso/domain';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'wouter';
import * as authApi from '../../api/auth';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../api/client';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

type Status = 'loading' | 'anonymous' | 'authenticated';

export interface Auth {
  status: Status;
  me: Me | null;
  /** The error of the start-up GET /me when it was not a plain "not logged in" (server down…). */
  bootError: unknown;
  login: (login: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Replace the current user with a fresher copy (from PATCH /me). */
  setMe: (me: Me) => void;
  /** Switch the language now and, when logged in, save it on the user. */
  changeLocale: (locale: Locale) => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

/** Where to come back to after logging in: only local paths, never another origin. */
export function loginPath(returnTo: string): string {
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo === '/login') return '/login';
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/** The citizen pages, open to all without login. */
export const isPublicPath = (path: string) => path === '/public' || path.startsWith('/public/');

export function AuthProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [path, navigate] = useLocation();
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMeState] = useState<Me | null>(null);
  const [bootError, setBootError] = useState<unknown>(null);

  const setMe = useCallback((next: Me) => {
    setMeState(next);
    setStatus('authenticated');
    if (next.csrfToken) setCsrfToken(next.csrfToken);
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setMeState(null);
    setStatus('anonymous');
  }, []);

  // Any 401 from the API means the session is gone (expired, deactivated user): back to the login page.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      forget();
      const here = window.location.pathname + window.location.search;
      navigate(loginPath(here), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [forget, navigate]);

  // Citizen pages never use a session: asking for one there only earns a 401 in the console. The session
  // is looked up once, when the first staff page opens.
  const onPublicPage = isPublicPath(path);
  const sessionAsked = useRef(false);
  useEffect(() => {
    if (onPublicPage || sessionAsked.current) return;
    sessionAsked.current = true;
    authApi.getMe().then(
      (user) => {
        setMe(user);
        setLocale(user.locale);
      },
      (err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) setBootError(err);
        forget();
      },
    );
  }, [onPublicPage, setMe, setLocale, forget]);

  const login = useCallback(
    async (name: string, password: string) => {
      const result = await authApi.login(name, password);
      setCsrfToken(result.csrfToken);
      setMe({ ...result.user, csrfToken: result.csrfToken });
      setLocale(result.user.locale);
      setBootError(null);
      return result.user;
    },
    [setMe, setLocale],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      forget();
      navigate('/login', { replace: true });
    }
  }, [forget, navigate]);

  const refresh = useCallback(async () => {
    setMe(await authApi.getMe());
  }, [setMe]);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (status === 'authenticated') setMe(await authApi.updateMe({ locale }));
    },
    [status, setLocale, setMe],
  );

  const value = useMemo<Auth>(
    () => ({
      status,
      me,
      bootError,
      login,
      logout,
      refresh,
      setMe,
      changeLocale,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [status, me, bootError, login, logout, refresh, setMe, changeLocale],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

/** For pages behind the login: the current user, known to be present. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used without a logged-in user');
  return me;
}
