import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@awardflow/audit';
import { WorkflowModule } from '@awardflow/workflow';
import { CyclesController } from './controllers/cycles.controller';
import { Cycle } from './entities/cycle.entity';
import { CycleHooks } from './services/cycle-hooks';
import { CyclesService } from './services/cycles.service';

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
