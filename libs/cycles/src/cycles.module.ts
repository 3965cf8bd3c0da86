import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@awardflow/audit';
import { CalendarCoreModule } from '@awardflow/calendar';
import { WorkflowModule } from '@awardflow/workflow';
import { CyclesController } from './cycles/cycles.controller';
import { Cycle } from './cycles/cycle.entity';
import { CycleCache } from './cycles/cycle-cache';
import { CycleHooks } from './cycles/cycle-hooks';
import { CyclesService } from './cycles/cycles.service';

@Module({
  imports: [TypeOrmModule.forFeature([Cycle]), WorkflowModule, AuditModule, CalendarCoreModule],
  controllers: [CyclesController],
  providers: [CyclesService, CycleHooks, CycleCache],
  exports: [CyclesService, CycleHooks, CycleCache],
})
export class CyclesModule {}

/** Cycles without HTTP, for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Cycle]), WorkflowModule, AuditModule, CalendarCoreModule],
  providers: [CyclesService, CycleHooks, CycleCache],
  exports: [CyclesService, CycleHooks, CycleCache],
})
export class CyclesCoreModule {}
