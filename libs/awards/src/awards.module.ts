import { Module, OnModuleInit } from '@nestjs/common';
import { EffectRegistry, GuardRegistry, WorkflowModule } from '@awardflow/workflow';
import { registerAwardGuardsAndEffects } from './families/guards-and-effects';
import { AwardsController } from './catalog/catalog.controller';

/** The catalog over HTTP, and the guards and effects its workflows name. */
@Module({ imports: [WorkflowModule], controllers: [AwardsController] })
export class AwardsModule implements OnModuleInit {
  constructor(
    private readonly guards: GuardRegistry,
    private readonly effects: EffectRegistry,
  ) {}

  onModuleInit(): void {
    registerAwardGuardsAndEffects(this.guards, this.effects);
  }
}

/** For the worker: the same registrations, no HTTP. */
@Module({ imports: [WorkflowModule] })
export class AwardsCoreModule implements OnModuleInit {
  constructor(
    private readonly guards: GuardRegistry,
    private readonly effects: EffectRegistry,
  ) {}

  onModuleInit(): void {
    registerAwardGuardsAndEffects(this.guards, this.effects);
  }
}
