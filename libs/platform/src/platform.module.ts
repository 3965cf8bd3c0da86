import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, EnvironmentOverrides } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';

/** The shared plumbing both apps stand on: config, logs, Postgres, Redis/BullMQ. */
@Module({})
export class PlatformModule {
  static forRoot(env: EnvironmentOverrides = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [AppConfigModule.forRoot(env), LoggingModule, DatabaseModule, QueueModule],
      exports: [AppConfigModule, DatabaseModule, QueueModule],
    };
  }
}
