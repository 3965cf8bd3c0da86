import { Module } from '@nestjs/common';
import { DatabaseModule } from '@awardflow/platform';
import { SnapshotScheduler } from './snapshot/snapshot-scheduler';
import { SnapshotService } from './snapshot/snapshot.service';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { WorkbenchController } from './workbench/workbench.controller';
import { WorkbenchService } from './workbench/workbench.service';

/** The API side: GET /stats, its xlsx export, a rebuild on demand. */
@Module({
  imports: [DatabaseModule],
  controllers: [StatisticsController, WorkbenchController],
  providers: [SnapshotService, StatisticsService, WorkbenchService],
  exports: [SnapshotService, StatisticsService],
})
export class StatsModule {}

/** The worker side: rebuilds the snapshot on a timer. */
@Module({
  imports: [DatabaseModule],
  providers: [SnapshotService, SnapshotScheduler],
})
export class StatsWorkerModule {}
