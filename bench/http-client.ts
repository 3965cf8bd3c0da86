/** A small fetch client for bench:http's seeding: JSON in and out, the status checked. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token: string | undefined, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: token } : {}), ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async login(username: string, password: string): Promise<string> {
    const { accessToken } = await this.call<{ accessToken: string }>('POST', '/auth/login', undefined, { username, password });
    return `Bearer ${accessToken}`;
  }
}


export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
