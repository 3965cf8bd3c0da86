import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRecord } from './audit-log/audit-record.entity';
import { AuditLog } from './audit-log/audit-log.service';
import { RequestContextMiddleware } from './audit-log/request-context';

/**
 * The audit log, for every context that changes something an office must be able to account for.
 * Each context that writes the log imports this module (one instance: the request context set once per request).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditRecord])],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*splat}');
  }
}
