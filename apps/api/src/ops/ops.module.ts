import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Module } from '@nestjs/common';
import { ALL_QUEUES, QueueModule } from '@awardflow/platform';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { QueueBoardAuth, QueueBoardAuthModule } from './queue-board-auth';

/** Where admins open Bull Board in a browser. */
export const QUEUE_BOARD_ROUTE = '/admin/queues';

/**
 * Operations: Bull Board over every queue the product registers (admins only, see QueueBoardAuth)
 * and the Prometheus /metrics endpoint. The queues are the ones QueueModule registers, so the board
 * reads the configured QUEUE_PREFIX.
 */
@Module({
  imports: [
    QueueModule,
    BullBoardModule.forRootAsync({
      imports: [QueueBoardAuthModule],
      inject: [QueueBoardAuth],
      useFactory: (auth: QueueBoardAuth) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: auth.middleware(),
        boardOptions: { uiConfig: { boardTitle: 'Awardflow queues' } },
      }),
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class OpsModule {}
