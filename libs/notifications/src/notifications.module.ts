import { Module } from '@nestjs/common';
import { QueueModule } from '@awardflow/platform';
import { Mailer } from './delivery/mailer';
import { NotificationsProcessor } from './delivery/delivery.processor';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';

@Module({
  imports: [QueueModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** The worker side: sends the email deliveries. */
@Module({
  imports: [QueueModule],
  providers: [NotificationsService, Mailer, NotificationsProcessor],
  exports: [NotificationsService],
})
export class NotificationsWorkerModule {}
