import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppEnvironment } from './environment';

/** Typed read access to the validated environment. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: ConfigService<AppEnvironment, true>) {}

  get<K extends keyof AppEnvironment>(key: K): AppEnvironment[K] {
    return this.config.get(key, { infer: true });
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }
}
