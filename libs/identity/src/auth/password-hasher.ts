import * as argon2 from 'argon2';
import { AppEnvironment } from '@awardflow/platform';

/** argon2id's cost parameters; a hash carries its own, so a change applies to new hashes only. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** The cost the environment asks for (defaults: the library's, OWASP-level). */
export function passwordHashCost(env: Pick<AppEnvironment, 'PASSWORD_HASH_MEMORY_KIB' | 'PASSWORD_HASH_TIME_COST' | 'PASSWORD_HASH_PARALLELISM'>): PasswordHashCost {
  return { memoryCost: env.PASSWORD_HASH_MEMORY_KIB, timeCost: env.PASSWORD_HASH_TIME_COST, parallelism: env.PASSWORD_HASH_PARALLELISM };
}

/** argon2id; ships prebuilt binaries. Without a cost, argon2's defaults (64 MiB, 3 passes, 4 lanes). */
export class PasswordHasher {
  // Verified against when the user does not exist, so a wrong username costs as much as a wrong password.
  private dummyHash?: Promise<string>;

  constructor(private readonly cost?: PasswordHashCost) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.cost });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.dummyHash ??= this.hash('awardflow-timing-equaliser');
      await argon2.verify(await this.dummyHash, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
