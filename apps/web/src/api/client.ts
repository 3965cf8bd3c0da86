/**
 * The one way the console talks to the API: same origin, JSON, the JWT from localStorage as a
 * bearer token, and every non-2xx answer turned into an ApiError carrying the API's error body
 * ({statusCode, error, message, code, requestId, ...details}).
 */

export interface FieldProblem {
  /** The API's path of the field (`contact.phone`), to find its input. */
  field: string;
  /** Its Chinese name, for a person (联系电话). */
  label?: string;
  /** What is wrong, in Chinese. */
  messages: string[];
}

export interface ErrorBody {
  statusCode?: number;
  error?: string;
  /** Chinese, worded by the API from `code` and its parameters (sent as further fields). */
  message?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code ?? (this.status === 0 ? 'NETWORK' : `HTTP_${this.status}`);
  }

  /** Field problems of a 400, each with its Chinese label and messages. */
  get fields(): FieldProblem[] {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

const TOKEN_KEY = 'awardflow.token';
const EXPIRY_KEY = 'awardflow.tokenExpiresAt';

export const tokenStore = {
  get(): string | null {
    const token = localStorage.getItem(TOKEN_KEY);
    // An expired token is not sent, but kept: the session lapsed (see lapsed) rather than ended.
    if (token && tokenStore.lapsed()) return null;
    return token;
  },
  /** A token is stored but its time is up: the user was signed in and must sign in again. */
  lapsed(): boolean {
    const expires = Number(localStorage.getItem(EXPIRY_KEY) ?? 0);
    return !!localStorage.getItem(TOKEN_KEY) && !!expires && Date.now() > expires;
  },
  set(token: string, expiresInSeconds?: number): void {
    localStorage.setItem(TOKEN_KEY, token);
    const expiresAt = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : jwtExpiry(token);
    if (expiresAt) localStorage.setItem(EXPIRY_KEY, String(expiresAt));
    else localStorage.removeItem(EXPIRY_KEY);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(EXPIRY_KEY);
  },
};

/** The `exp` claim of a JWT in ms (the token is only read, never trusted: the API verifies it). */
function jwtExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return payload.exp ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

let unauthorizedHandler: (() => void) | undefined;
/** Called when a signed-in request comes back 401 (the token expired or was revoked). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

const restoredListeners = new Set<() => void>();
/**
 * Called when the user has signed in again in place after the session was lost (the re-login
 * dialog): whoever held work back (an unsaved draft) sends it now. Returns the unsubscribe.
 */
export function onSessionRestored(listener: () => void): () => void {
  restoredListeners.add(listener);
  return () => restoredListeners.delete(listener);
}
export function notifySessionRestored(): void {
  for (const listener of [...restoredListeners]) listener();
}

/** A 401 on a request made while signed in (with a token, or with one that lapsed): the session is lost. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** If-Match: the application version the user saw. */
  version?: number;
  signal?: AbortSignal;
  /** Let the request outlive the page (a draft saved as the page is closed or reloaded). */
  keepalive?: boolean;
  /** Sent without the signed-in user's token (the public pages): a 401 never signs anybody out. */
  anonymous?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function authHeaders(): Record<string, string> {
  const token = tokenStore.get();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return res.json();
  return res.text();
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.anonymous ? {} : authHeaders()), ...options.headers };
  const lapsed = !options.anonymous && tokenStore.lapsed();
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.version !== undefined) headers['If-Match'] = String(options.version);
  let res: Response;
  try {
    // no-store: the API's ETag is the application version (what it answers to If-Match), not a
    // validator for what else a body holds (e.g. the caller's available actions); and polling must
    // always see the server's answer.
    res = await fetch(withQuery(path, options.query), { method, headers, body, signal: options.signal, cache: 'no-store', keepalive: options.keepalive });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { message: '无法连接服务器，请检查网络后重试', code: 'NETWORK' });
  }
  const data = await parse(res).catch(() => undefined);
  if (!res.ok) {
    const errorBody: ErrorBody = typeof data === 'object' && data !== null ? (data as ErrorBody) : { message: typeof data === 'string' ? data : undefined };
    if (res.status === 401 && (headers.Authorization || lapsed) && unauthorizedHandler) unauthorizedHandler();
    throw new ApiError(res.status, { statusCode: res.status, ...errorBody });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/**
 * The public pages' client (公示, 表彰名单, 证书查询): no token is sent, whoever is signed in, so these
 * pages never depend on a login and a refusal never leads to /login.
 */
export const publicApi = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, { ...options, anonymous: true }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body, anonymous: true }),
};

/** multipart upload with progress (fetch cannot report upload progress; XHR can). */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = { message: xhr.responseText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        if (xhr.status === 401 && token && unauthorizedHandler) unauthorizedHandler();
        reject(new ApiError(xhr.status, { statusCode: xhr.status, ...((data as ErrorBody) ?? {}) }));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { message: '无法连接服务器，请检查网络后重试', code: 'NETWORK' }));
    xhr.send(form);
  });
}

/** A protected file's bytes (a material shown inline), fetched with the token. */
export async function fetchBytes(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(path, { headers: authHeaders(), cache: 'no-store', signal });
  if (!res.ok) {
    const body = (await parse(res).catch(() => undefined)) as ErrorBody | undefined;
    throw new ApiError(res.status, { statusCode: res.status, ...(typeof body === 'object' ? body : {}) });
  }
  return res.arrayBuffer();
}

/** Downloads a protected file (materials, the ranking CSV) with the token, under the server's file name. */
export async function download(path: string, fallbackName: string, forceName = false): Promise<void> {
  const res = await fetch(path, { headers: authHeaders(), cache: 'no-store' });
  if (!res.ok) {
    const body = (await parse(res).catch(() => undefined)) as ErrorBody | undefined;
    throw new ApiError(res.status, { statusCode: res.status, ...(typeof body === 'object' ? body : {}) });
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star && !forceName ? decodeURIComponent(star[1]) : fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
