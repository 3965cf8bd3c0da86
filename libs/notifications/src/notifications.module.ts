import { Module } from '@nestjs/common';
import { QueueModule } from '@awardflow/platform';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';

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
