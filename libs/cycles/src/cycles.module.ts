import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@awardflow/audit';
import { WorkflowModule } from '@awardflow/workflow';
import { CyclesController } from './cycles/cycles.controller';
import { Cycle } from './cycles/cycle.entity';
import { CycleHooks } from './cycles/cycle-hooks';
import { CyclesService } from './cycles/cycles.service';

@Module({
  imports: [TypeOrmModule.forFeature([Cycle]), WorkflowModule, AuditModule],
  controllers: [CyclesController],
  providers: [CyclesService, CycleHooks],
  exports: [CyclesService, CycleHooks],
})
export class CyclesModule {}

/** Cycles without HTTP, for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Cycle]), WorkflowModule, AuditModule],
  providers: [CyclesService, CycleHooks],
  exports: [CyclesService, CycleHooks],
})
export class CyclesCoreModule {}
