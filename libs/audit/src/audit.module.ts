import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRecord } from './audit-log/audit-record.entity';
import { AuditLog } from './audit-log/audit-log.service';
import { RequestContextInterceptor } from './audit-log/request-context';

/**
 * The audit log, for every context that changes something an office must be able to account for.
 * Each context that writes the log imports this module (one instance: one request-context interceptor).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditRecord])],
  providers: [AuditLog, { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
  exports: [AuditLog],
})
export class AuditModule {}
