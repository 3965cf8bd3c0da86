import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service';
import { validateEnvironment } from './environment';

export type EnvironmentOverrides = Record<string, string | undefined>;

@Global()
@Module({})
export class AppConfigModule {
  /**
   * Built when the application is created, not at import time, so a test (or the combined
   * api+worker process) can pass its own values on top of process.env.
   */
  static forRoot(overrides: EnvironmentOverrides = {}): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          cache: true,
          validate: (raw) => validateEnvironment({ ...raw, ...overrides }),
        }),
      ],
      providers: [AppConfigService],
      exports: [AppConfigService],
    };
  }
}
