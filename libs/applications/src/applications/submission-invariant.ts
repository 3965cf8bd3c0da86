import { Injectable, OnModuleInit } from '@nestjs/common';
import { A, getAward } from '@awardflow/awards';
import { CyclesService } from '@awardflow/cycles';
import { NotFoundError, sqlRows } from '@awardflow/platform';
import type { EntityManager } from 'typeorm';
import { InvariantInput, TransitionInvariants } from '@awardflow/workflow';
import { Application, APPLICATION_SUBJECT } from './application.entity';
import { ApplicationsService, IneligibleError } from './applications.service';

/**
 * 提交 and 补正后重新提交, whoever fires them (the generic route, a worker, the engine directly):
 * the engine runs this in the transition's transaction. The application row is locked before the
 * engine reads the instance (the order a form save takes them); once the transition is allowed, every
 * reason it cannot go forward refuses it, and the first submission takes the cycle's next receipt
 * number; a refused or rolled-back transition burns none.
 */
@Injectable()
export class SubmissionInvariant implements OnModuleInit {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly cycles: CyclesService,
    private readonly invariants: TransitionInvariants,
  ) {}

  onModuleInit(): void {
    const invariant = { lock: (id: string, manager: EntityManager) => this.lock(id, manager), check: (input: InvariantInput) => this.check(input) };
    this.invariants.register(APPLICATION_SUBJECT, A.submit, invariant);
    this.invariants.register(APPLICATION_SUBJECT, A.resubmit, invariant);
  }

  /** The application row, taken before the instance as a form save takes them. */
  private async lock(applicationId: string, manager: EntityManager): Promise<void> {
    await manager.findOne(Application, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
  }

  private async check({ subjectId, manager }: InvariantInput): Promise<Record<string, unknown> | void> {
    const application = await manager.findOne(Application, { where: { id: subjectId }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new NotFoundError('application', subjectId);
    // On the transition's connection: a second one per submit would starve the pool under load.
    const cycle = await this.cycles.get(application.cycleId, manager);
    const problems = await this.applications.submissionProblems(application, cycle, manager);
    if (problems.length) throw new IneligibleError(problems);
    if (application.receiptNumber) return;
    const [{ lastNumber }] = await sqlRows<{ lastNumber: number }>(
      manager,
      `INSERT INTO cycle_receipt_counters (cycle_id, last_number) VALUES ($1, 1)
       ON CONFLICT (cycle_id) DO UPDATE SET last_number = cycle_receipt_counters.last_number + 1 RETURNING last_number AS "lastNumber"`,
      [cycle.id],
    );
    const receiptNumber = `${cycle.year}-${getAward(cycle.awardCode).shortCode}-${String(lastNumber).padStart(4, '0')}`;
    await manager.update(Application, { id: application.id }, { receiptNumber, submittedAt: new Date() });
    return { receiptNumber };
  }
}
