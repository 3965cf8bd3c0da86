import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service';
import { dataSourceOptions } from './data-source-options';
import { DatabaseConnector } from './database-connector';

/** Postgres for the modules that import it; DatabaseConnector tells who needs to know when it is up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        ...dataSourceOptions(config.get('DATABASE_URL'), 'awardflow'),
        autoLoadEntities: true,
        // DatabaseConnector connects, so a process can start (and report 503) while Postgres is down.
        manualInitialization: true,
      }),
    }),
  ],
  providers: [DatabaseConnector],
  exports: [DatabaseConnector],
})
export class DatabaseModule {}
