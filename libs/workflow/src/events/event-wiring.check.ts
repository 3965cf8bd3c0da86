import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseConnector, sqlRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { WorkflowDefinition } from '../definition/definition.types';
import { EffectRegistry } from '../registry/effect.registry';
import { GuardRegistry } from '../registry/guard.registry';
import { EventWiringError, eventWiringProblems } from './event-wiring';
import { OutboxEventRouter } from './outbox-event-router';

/**
 * Refuses to start (API and worker) when a stored definition names a guard, an effect or a
 * template this process does not implement. Runs after every module registered its guards and
 * effects (onModuleInit). When Postgres is down at start the stored definitions are checked once
 * it answers, and a problem is then logged as an error (the process is already serving).
 */
@Injectable()
export class DefinitionWiringCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefinitionWiringCheck.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly guards: GuardRegistry,
    private readonly effects: EffectRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.database.isConnected) return this.check();
    void this.database
      .whenConnected()
      .then(() => this.check())
      .catch((error: Error) => this.logger.error(error.message));
  }

  private async check(): Promise<void> {
    const problems = eventWiringProblems({ definitions: await storedDefinitions(this.dataSource), guards: this.guards, effects: this.effects });
    if (problems.length) throw new EventWiringError(problems);
  }
}

/** The worker's side: every emitted event has a handler, and every handler an event that is emitted. */
@Injectable()
export class EventHandlerWiringCheck implements OnApplicationBootstrap {
  constructor(
    private readonly effects: EffectRegistry,
    private readonly guards: GuardRegistry,
    private readonly router: OutboxEventRouter,
  ) {}

  onApplicationBootstrap(): void {
    const problems = eventWiringProblems({ definitions: [], guards: this.guards, effects: this.effects, handled: this.router.handledEvents() });
    if (problems.length) throw new EventWiringError(problems);
  }
}

async function storedDefinitions(dataSource: DataSource): Promise<WorkflowDefinition[]> {
  const rows = await sqlRows<{ content: WorkflowDefinition }>(dataSource, `SELECT content FROM workflow_definitions ORDER BY code, version`);
  return rows.map((r) => r.content);
}
