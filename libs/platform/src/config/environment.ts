import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../passwords/password-policy';
import { isPublishedSecret } from './published-secrets';

/**
 * Every variable the product reads. Nothing outside the config layer touches process.env.
 * Development defaults point at the local services so `npm start` works on a fresh machine.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer port number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer port number' })
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  // Per client address: slows password guessing without bothering a person who mistypes.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 30;

  // Per account, whatever the address: a guesser spreading one account's attempts over many addresses.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  LOGIN_RATE_LIMIT_PER_ACCOUNT_PER_MINUTE = 10;

  // The window every rate limit counts in. A minute in production; a test of the limits sets it long,
  // so a busy machine cannot let the window lapse between the attempts it counts.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  // Which proxies' X-Forwarded-For to believe (Express 'trust proxy'): a hop count, or their addresses
  // and subnets. Unset, the client is the TCP peer and X-Forwarded-For is ignored.
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  // The outbox relay wakes on LISTEN/NOTIFY; this poll is only the fallback when a notification is lost.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50)
  OUTBOX_POLL_INTERVAL_MS = 2000;

  // The reconciler re-enqueues deadlines Redis lost and fires overdue ones (also once at start).
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1000)
  DEADLINE_RECONCILE_INTERVAL_MS = 60_000;

  // A cycle closed this long ago with applications still waiting is a close whose process died: the
  // worker finishes it. Sooner, the close may still be running, and the worker would race it.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0)
  CYCLE_CLOSE_RECONCILE_AFTER_MS = 300_000;

  // How often the scheduler looks for new or extended deadlines to put on BullMQ.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50)
  DEADLINE_SCHEDULE_INTERVAL_MS = 500;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  DEADLINE_CONCURRENCY = 8;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  NOTIFICATION_MAX_ATTEMPTS = 8;

  // First retry delay of a failed email; each further one doubles it.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10)
  NOTIFICATION_BACKOFF_MS = 5_000;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/awardflow';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  // A Redis Cluster instead of one Redis: its seed nodes, comma-separated, each host:port or a
  // redis:// / rediss:// URL (credentials and TLS are read from the first node and used for all).
  // Set this or REDIS_URL, not both. Checked in validateEnvironment (see parseClusterNodes).
  @IsOptional()
  @IsString()
  REDIS_CLUSTER_NODES?: string;

  // Hash-tagged so every BullMQ key of a queue lands in one Redis Cluster slot.
  @Matches(/^\{[A-Za-z0-9_:-]+\}$/, { message: 'must be a hash tag such as {awardflow}' })
  QUEUE_PREFIX = '{awardflow}';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'must be a duration such as 15m, 8h or 1d' })
  JWT_EXPIRES_IN = '8h';

  @IsString()
  SMTP_HOST = '127.0.0.1';

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  @Transform(({ value }) => toBool(value))
  @IsBoolean({ message: 'must be true or false' })
  SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @Matches(/^(.+<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'must be an address such as 评奖办公室 <noreply@example.cn>' })
  SMTP_FROM = 'Awardflow <noreply@awardflow.local>';

  @IsString()
  @MinLength(1)
  UPLOAD_DIR = './uploads';

  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  // The CJK font certificates are printed in (Debian's fonts-noto-cjk); a .ttc collection names its face.
  @IsString()
  @MinLength(1)
  CERTIFICATE_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

  // The face of a .ttc/.otc collection (ignored for a single .ttf/.otf): the Simplified Chinese one.
  @IsString()
  @MinLength(1)
  CERTIFICATE_FONT_FACE = 'NotoSerifCJKsc-Regular';

  // Cycles may then use durations shorter than a day (tests, `npm run demo`); never in production.
  @IsOptional()
  @Transform(({ value }) => toBool(value))
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_SHORT_DURATIONS?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  // argon2id's cost. The defaults are the library's (64 MiB, 3 passes, 4 lanes); production refuses
  // less than OWASP's floor (19 MiB with 2 passes). Tests set it to the minimum: a suite creates
  // hundreds of users, and hashing at full cost was about half of its CPU.
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer number of KiB' })
  @Min(8)
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  PASSWORD_HASH_TIME_COST = 3;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(64)
  PASSWORD_HASH_PARALLELISM = 4;

  @IsOptional()
  @IsString()
  @MinLength(3)
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  // When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`.
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  // Without METRICS_TOKEN, GET /metrics is closed unless this says it is public (a scraper on a private network); a token, when set, is always required.
  @Transform(({ value }) => toBool(value))
  @IsBoolean({ message: 'must be true or false' })
  METRICS_PUBLIC = false;
}

type OptionalVariable = 'REDIS_CLUSTER_NODES' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'ADMIN_USERNAME' | 'ADMIN_PASSWORD' | 'ADMIN_EMAIL' | 'METRICS_TOKEN';

/** Express's 'trust proxy' value: off, a hop count, or the proxies' addresses, subnets and keywords. */
export type TrustProxySetting = false | number | string[];

export type AppEnvironment = Required<Omit<Environment, OptionalVariable | 'TRUST_PROXY'>> &
  Pick<Environment, OptionalVariable> & { TRUST_PROXY: TrustProxySetting };

/** Variables whose values are secrets: never echoed, and refused in production when the repository publishes them. */
const SECRET_VARIABLES = ['JWT_SECRET', 'ADMIN_PASSWORD', 'METRICS_TOKEN', 'SMTP_PASSWORD'] as const;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

// Only for development and tests: production must bring its own secret.
const DEVELOPMENT_JWT_SECRET = 'awardflow-development-secret-not-for-production-use';

/** Validates raw environment values; throws a ConfigurationError whose message is one line. */
export function validateEnvironment(raw: Record<string, unknown>): AppEnvironment {
  const present: Record<string, unknown> = {};
  for (const key of Object.keys(new Environment())) copyIfSet(raw, present, key);
  for (const key of ['ALLOW_SHORT_DURATIONS', 'REDIS_CLUSTER_NODES', 'JWT_SECRET', 'SMTP_USER', 'SMTP_PASSWORD', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'ADMIN_EMAIL', 'METRICS_TOKEN', 'TRUST_PROXY']) {
    copyIfSet(raw, present, key);
  }
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Decorators register bottom-up, so the last constraint is the first one written (the type check).
    const reason = Object.values(first.constraints ?? {}).at(-1) ?? 'is invalid';
    const shown = /SECRET|PASSWORD|TOKEN/.test(first.property) ? '' : ` (got "${String(present[first.property])}")`;
    throw new ConfigurationError(`${first.property} ${stripPropertyName(reason, first.property)}${shown}`);
  }
  if (!env.JWT_SECRET) {
    if (env.NODE_ENV === 'production') throw new ConfigurationError('JWT_SECRET is required in production (at least 32 characters)');
    env.JWT_SECRET = DEVELOPMENT_JWT_SECRET;
  }
  if (env.NODE_ENV === 'production') refusePublishedSecrets(env);
  if (env.PASSWORD_HASH_MEMORY_KIB < 8 * env.PASSWORD_HASH_PARALLELISM) {
    throw new ConfigurationError(`PASSWORD_HASH_MEMORY_KIB must be at least 8 KiB per lane (PASSWORD_HASH_PARALLELISM=${env.PASSWORD_HASH_PARALLELISM})`);
  }
  if (env.NODE_ENV === 'production') refuseWeakPasswordHashing(env);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (env.REDIS_CLUSTER_NODES !== undefined) {
    if (present.REDIS_URL !== undefined) {
      throw new ConfigurationError('REDIS_URL and REDIS_CLUSTER_NODES are both set: set REDIS_CLUSTER_NODES for a Redis Cluster, or REDIS_URL for one Redis, not both');
    }
    // QUEUE_PREFIX is a hash tag whatever the Redis (checked above): BullMQ's scripts touch several
    // keys of a queue at once, which a cluster allows only within one slot.
    parseClusterNodes(env.REDIS_CLUSTER_NODES);
  }
  env.ALLOW_SHORT_DURATIONS ??= env.NODE_ENV !== 'production';
  if (env.NODE_ENV !== 'production' && !env.ADMIN_USERNAME && !env.ADMIN_PASSWORD) {
    env.ADMIN_USERNAME = 'admin';
    env.ADMIN_PASSWORD = 'awardflow-admin';
  }
  return Object.assign(env, { TRUST_PROXY: trustProxy }) as AppEnvironment;
}

/** A production deployment must bring its own secrets and a first-admin password nobody can guess. */
function refusePublishedSecrets(env: Environment): void {
  for (const key of SECRET_VARIABLES) {
    const value = env[key];
    if (value && isPublishedSecret(value)) {
      throw new ConfigurationError(`${key} is a value published in the Awardflow repository (a default, an example or a test value): set one of your own`);
    }
  }
  const problem = env.ADMIN_PASSWORD ? passwordProblem(env.ADMIN_PASSWORD) : null;
  if (problem === 'too-short') throw new ConfigurationError(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters in production`);
  if (problem === 'common') throw new ConfigurationError('ADMIN_PASSWORD is a common password, easy to guess: choose another');
}

/** OWASP's minimum for argon2id: 19 MiB of memory with two passes (more memory may trade for fewer passes). */
export const PRODUCTION_PASSWORD_HASH_FLOOR = { memoryKib: 19_456, timeCost: 2 } as const;

function refuseWeakPasswordHashing(env: Environment): void {
  const floor = PRODUCTION_PASSWORD_HASH_FLOOR;
  if (env.PASSWORD_HASH_MEMORY_KIB < floor.memoryKib || env.PASSWORD_HASH_TIME_COST < floor.timeCost) {
    throw new ConfigurationError(
      `PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_TIME_COST are below OWASP's floor for argon2id in production (${floor.memoryKib} KiB with ${floor.timeCost} passes; got ${env.PASSWORD_HASH_MEMORY_KIB} KiB with ${env.PASSWORD_HASH_TIME_COST})`,
    );
  }
}

export interface RedisClusterNode {
  host: string;
  port: number;
}

export interface RedisClusterSeeds {
  nodes: RedisClusterNode[];
  username?: string;
  password?: string;
  tls: boolean;
}

/**
 * REDIS_CLUSTER_NODES as ioredis Cluster seeds: `host:port,host:port,…`, or redis:// / rediss:// URLs
 * (the first node's credentials and TLS are used for all). Throws a one-line ConfigurationError.
 */
export function parseClusterNodes(raw: string): RedisClusterSeeds {
  const entries = raw.split(',').map((entry) => entry.trim());
  const problem = (why: string) =>
    new ConfigurationError(`REDIS_CLUSTER_NODES ${why}: give the cluster's nodes as host:port,host:port,… (or redis:// URLs) (got "${raw.replace(/:\/\/[^@/]*@/g, '://***@')}")`);
  if (entries.length === 0 || entries.every((entry) => entry === '')) throw problem('is empty');
  const seeds: RedisClusterSeeds = { nodes: [], tls: false };
  for (const [i, entry] of entries.entries()) {
    if (!entry) throw problem(`has an empty node at position ${i + 1}`);
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(entry) ? entry : `redis://${entry}`);
    } catch {
      throw problem(`has "${entry}", which is not host:port`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw problem(`has "${url.protocol}//", which is not redis:// or rediss://`);
    const port = Number(url.port);
    if (!url.hostname || !url.port || !Number.isInteger(port) || port < 1 || port > 65535) throw problem(`has "${entry.replace(/\/\/[^@/]*@/, '//***@')}", which names no host and port`);
    if (url.pathname && url.pathname !== '/') throw problem('names a database: a Redis Cluster has only database 0');
    if (i === 0) {
      seeds.tls = url.protocol === 'rediss:';
      seeds.username = url.username ? decodeURIComponent(url.username) : undefined;
      seeds.password = url.password ? decodeURIComponent(url.password) : undefined;
    }
    seeds.nodes.push({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
  }
  return seeds;
}

const TRUST_PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (TRUST_PROXY_KEYWORDS.has(entry)) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family && prefixOk && extra === undefined) continue;
    // `true` would believe whatever X-Forwarded-For a client sends, so it is refused with the rest.
    throw new ConfigurationError(
      `TRUST_PROXY must be a hop count, or a comma-separated list of the proxies' addresses or subnets (loopback, linklocal, uniquelocal, 10.0.0.0/8, …) (got "${value}")`,
    );
  }
  return entries;
}

function copyIfSet(from: Record<string, unknown>, to: Record<string, unknown>, key: string): void {
  const value = from[key];
  if (value !== undefined && value !== '') to[key] = value;
}

function stripPropertyName(reason: string, property: string): string {
  return reason.startsWith(property + ' ') ? reason.slice(property.length + 1) : reason;
}

function toInt(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return value;
}

function toBool(value: unknown): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}
