import { Notifications1795560500000 } from './1795560500000-notifications';

/** The notifications and their e-mail deliveries, oldest first. apps/migrate assembles every lib's list. */
export const NOTIFICATIONS_MIGRATIONS = [Notifications1795560500000];
