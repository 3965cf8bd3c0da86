export * from './templates';
export * from './notifications.service';
export * from './mailer';
export * from './notifications.module';
export * from './delivery-retry';
