export * from './audit-entry';
export * from './audit-record.entity';
export * from './audit-log.service';
export * from './audit.dto';
export * from './audit.module';
export * from './field-changes';
export * from './request-context';
