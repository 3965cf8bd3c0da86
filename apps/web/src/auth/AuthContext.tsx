import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized, tokenStore } from '../api/client';
import type { AccessToken, User } from '../api/types';

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

  const logout = useCallback(() => {
    tokenStore.clear();
    setUser(null);
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
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

  const value = useMemo(() => ({ user, checking, login, replaceToken, logout }), [user, checking, login, replaceToken, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
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
