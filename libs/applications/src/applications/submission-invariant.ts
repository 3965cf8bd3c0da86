import { Injectable, OnModuleInit } from '@nestjs/common';
import { A, getAward } from '@awardflow/awards';
import { CycleCache } from '@awardflow/cycles';
import { NotFoundError, sqlAffected, sqlRows } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvariantInput, TransitionInvariants } from '@awardflow/workflow';
import { APPLICATION_SUBJECT } from './application.entity';
import { applicationRow } from './application-row';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cycleCache: CycleCache,
    private readonly invariants: TransitionInvariants,
  ) {}

  onModuleInit(): void {
    const invariant = { lock: (id: string, manager: EntityManager) => this.lock(id, manager), check: (input: InvariantInput) => this.check(input) };
    this.invariants.register(APPLICATION_SUBJECT, A.submit, invariant);
    this.invariants.register(APPLICATION_SUBJECT, A.resubmit, invariant);
  }

  /** The application row, taken before the instance as a form save takes them. */
  private async lock(applicationId: string, manager: EntityManager): Promise<void> {
    await sqlAffected(manager, `SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, [applicationId]);
  }

  private async check({ subjectId, manager }: InvariantInput): Promise<Record<string, unknown> | void> {
    // Locked by `lock` in this transaction: the read is current. On the transition's connection: a
    // second one per submit would starve the pool under load.
    const found = await applicationRow(this.dataSource, manager, subjectId);
    if (!found) throw new NotFoundError('application', subjectId);
    const { application } = found;
    const cycle = await this.cycleCache.get(application.cycleId, found.cycleVersion);
    const problems = await this.applications.submissionProblems(application, cycle, manager);
    if (problems.length) throw new IneligibleError(problems);
    if (application.receiptNumber) return;
    // The cycle's next number and the application's receipt in one statement.
    const [{ receiptNumber }] = await sqlRows<{ receiptNumber: string }>(
      manager,
      `WITH n AS (
         INSERT INTO cycle_receipt_counters (cycle_id, last_number) VALUES ($1, 1)
         ON CONFLICT (cycle_id) DO UPDATE SET last_number = cycle_receipt_counters.last_number + 1 RETURNING last_number
       )
       UPDATE applications SET receipt_number = $2::text || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0'),
              submitted_at = $4, updated_at = now()
         FROM n WHERE applications.id = $3 RETURNING receipt_number AS "receiptNumber"`,
      [cycle.id, `${cycle.year}-${getAward(cycle.awardCode).shortCode}-`, application.id, new Date()],
    );
    return { receiptNumber };
  }
}
