import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@awardflow/platform';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Materials on disk by content hash (UPLOAD_DIR/ab/abcdef…): the same file uploaded twice is
 * stored once, and a file is written to a temporary name and renamed, so a crash never leaves a
 * half-written file under its hash.
 */
@Injectable()
export class MaterialStorage {
  constructor(private readonly config: AppConfigService) {}

  async put(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = this.pathOf(sha256);
    try {
      await stat(path);
      return sha256;
    } catch {
      // not stored yet
    }
    await mkdir(join(this.root(), sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
    return sha256;
  }

  /** The stored file's size in bytes. */
  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  private root(): string {
    return resolve(this.config.get('UPLOAD_DIR'));
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(this.root(), sha256.slice(0, 2), sha256);
  }
}
