export * from './templates/templates';
export * from './notifications/notifications.service';
export * from './delivery/mailer';
export * from './notifications.module';
export * from './delivery/delivery-retry';
export * from './notifications/notification-relations';
