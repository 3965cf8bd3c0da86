export * from './audit-log/audit-entry';
export * from './audit-log/audit-record.entity';
export * from './audit-log/audit-log.service';
export * from './audit-log/audit.dto';
export * from './audit.module';
export * from './audit-log/field-changes';
export * from './audit-log/request-context';
