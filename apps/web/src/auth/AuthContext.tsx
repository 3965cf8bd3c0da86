import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, notifySessionRestored, onUnauthorized, tokenStore } from '../api/client';
import type { AccessToken, User } from '../api/types';
import { ReloginModal } from './ReloginModal';

interface AuthState {
  user: User | null;
  /** true until the stored token has been checked against /auth/me. */
  checking: boolean;
  login(username: string, password: string): Promise<User>;
  /** After registering an organisation the API issues a token that carries it. */
  replaceToken(token: string): Promise<User>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== null);
  // The session was lost while the user was at work: they sign in again in place (a dialog over the
  // page), so nothing on the page (a half-typed form) is thrown away by a redirect to /login.
  const [lapsed, setLapsed] = useState(false);
  const userRef = useRef<User | null>(null);
  userRef.current = user;

  const logout = useCallback(() => {
    tokenStore.clear();
    setLapsed(false);
    setUser(null);
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      if (userRef.current) {
        setLapsed(true);
        return;
      }
      tokenStore.clear();
      setUser(null);
    });
    if (!tokenStore.get()) return;
    api
      .get<User>('/auth/me')
      .then(setUser)
      .catch(() => tokenStore.clear())
      .finally(() => setChecking(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const token = await api.post<AccessToken>('/auth/login', { username, password });
    tokenStore.set(token.accessToken, token.expiresIn);
    const me = await api.get<User>('/auth/me');
    setUser(me);
    return me;
  }, []);

  const replaceToken = useCallback(async (token: string) => {
    tokenStore.set(token);
    const me = await api.get<User>('/auth/me');
    setUser(me);
    return me;
  }, []);

  /** Signed in again in the dialog: the same person carries on where they were; another one starts afresh. */
  const resume = useCallback(
    async (username: string, password: string) => {
      const before = userRef.current;
      const me = await login(username, password);
      setLapsed(false);
      if (before && me.id !== before.id) {
        window.location.assign('/');
        return;
      }
      notifySessionRestored();
    },
    [login],
  );

  const value = useMemo(() => ({ user, checking, login, replaceToken, logout }), [user, checking, login, replaceToken, logout]);
  return (
    <AuthContext.Provider value={value}>
      {children}
      {user && <ReloginModal open={lapsed} username={user.username} onLogin={resume} onLogout={logout} />}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user (pages under the layout only render once there is one). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('no signed-in user');
  return user;
}
