import { Client } from 'pg';

/**
 * The statements this process sends to Postgres while `run` runs (every pg query passes
 * Client#query), their text squeezed to one line. The engine's wake-up of the outbox relay
 * (`pg_notify`) is left out: it is fired and forgotten, not part of what a request waits for.
 */
export async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const original = Client.prototype.query;
  const statements: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const query = args[0] as string | { text: string };
    const text = typeof query === 'string' ? query : query.text;
    if (!/pg_notify/.test(text)) statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 120));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    return { result: await run(), statements };
  } finally {
    Client.prototype.query = original;
  }
}
