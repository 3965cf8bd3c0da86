import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { applicationSummaries, applicationSummariesInCycles, lockApplication } from '../../libs/applications/src';
import { cycleSummaries, lockCycle } from '../../libs/cycles/src';
import { membersOfOffices, officeName, userNames, usersOutsideOffice } from '../../libs/identity/src';
import { Role } from '../../libs/identity/src';
import { sqlAffected, sqlRows } from '../../libs/platform/src';
import { RankingService } from '../../libs/review/src/ranking/ranking.service';
import { cancelDeadlinesMatching, instanceStates } from '../../libs/workflow/src';
import { Enterprise, openCycle, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

/**
 * The reads other contexts export for review's lists (ranking, tasks, flags, assignments): one
 * statement for any number of ids, so a list of N rows costs the same few statements as a list of
 * one, and typed rows whose fields are what the type says.
 */
describe('reads across contexts', () => {
  let ctx: TestContext;
  let pool: Pool;
  let cycleId: string;
  let officeId: string;
  let enterprises: Enterprise[];
  let applications: Array<{ id: string; instanceId: string; organizationId: string }>;
  let reviewers: Array<{ id: string; displayName: string }>;

  /** Statements the pool ran while `fn` ran (reads outside a transaction go straight to it). */
  async function statements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number }> {
    const spy = jest.spyOn(pool, 'query');
    try {
      const result = await fn();
      return { result, count: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  beforeAll(async () => {
    ctx = await startTestApp();
    pool = (ctx.dataSource.driver as PostgresDriver).master as Pool;
    cycleId = (await openCycle(ctx)).id;
    [{ officeId }] = await ctx.dataSource.query(`SELECT office_id AS "officeId" FROM cycles WHERE id = $1`, [cycleId]);
    enterprises = [];
    applications = [];
    for (const name of ['甲公司', '乙公司', '丙公司']) {
      const enterprise = await registerEnterprise(ctx, name);
      const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() }).expect(201);
      const [{ instanceId }] = await ctx.dataSource.query(`SELECT instance_id AS "instanceId" FROM applications WHERE id = $1`, [res.body.id]);
      enterprises.push(enterprise);
      applications.push({ id: res.body.id, instanceId, organizationId: enterprise.organizationId });
    }
    reviewers = [];
    for (const displayName of ['专家丙', '专家甲']) {
      const user = await createUser(ctx, { username: `reads${Date.now().toString(36)}${reviewers.length}`, role: 'reviewer', displayName, officeIds: [officeId] });
      reviewers.push({ id: user.id, displayName });
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('reads N applications in one statement, with their organisation', async () => {
    const { result, count } = await statements(() => applicationSummaries(ctx.dataSource, applications.map((a) => a.id)));
    expect(count).toBe(1);
    expect(result).toHaveLength(3);
    for (const [i, a] of applications.entries()) {
      expect(result.find((r) => r.id === a.id)).toEqual({
        id: a.id,
        cycleId,
        organizationId: a.organizationId,
        instanceId: a.instanceId,
        receiptNumber: null,
        submittedAt: null,
        organizationName: enterprises[i].name,
        organizationUscc: enterprises[i].uscc,
        organizationIndustry: 'C3825',
        state: 'draft',
        // A quality award's subject is the organisation: no project or product to name.
        subjectName: null,
      });
    }
  });

  it("reads a cycle's applications in one statement", async () => {
    const { result, count } = await statements(() => applicationSummariesInCycles(ctx.dataSource, [cycleId, cycleId]));
    expect(count).toBe(1);
    expect(result.map((r) => r.id).sort()).toEqual(applications.map((a) => a.id).sort());
  });

  it('reads N instance states in one statement', async () => {
    const { result, count } = await statements(() => instanceStates(ctx.dataSource, applications.map((a) => a.instanceId)));
    expect(count).toBe(1);
    expect([...result.entries()].sort()).toEqual(applications.map((a) => [a.instanceId, 'draft']).sort());
  });

  it('reads cycles in one statement, each once', async () => {
    const { result, count } = await statements(() => cycleSummaries(ctx.dataSource, [cycleId, cycleId]));
    expect(count).toBe(1);
    expect(result).toEqual([expect.objectContaining({ id: cycleId, officeId, awardCode: 'district-quality-award', blindReview: expect.any(Boolean), year: expect.any(Number) })]);
  });

  it("reads users' names in one statement, by name", async () => {
    const { result, count } = await statements(() => userNames(ctx.dataSource, reviewers.map((r) => r.id)));
    expect(count).toBe(1);
    expect(result).toEqual([...reviewers].sort((x, y) => (x.displayName < y.displayName ? -1 : 1)).map((r) => ({ id: r.id, displayName: r.displayName })));
  });

  it("knows an office's members and who is outside it", async () => {
    const members = await membersOfOffices(ctx.dataSource, [officeId]);
    expect(members.map((m) => m.id)).toEqual(expect.arrayContaining(reviewers.map((r) => r.id)));
    expect(members.find((m) => m.id === reviewers[0].id)).toEqual({ id: reviewers[0].id, displayName: '专家丙', role: 'reviewer', isActive: true });
    const applicant = enterprises[0].userId;
    expect(await usersOutsideOffice(ctx.dataSource, [reviewers[0].id, applicant, applicant], officeId, ['reviewer'])).toEqual([applicant]);
    expect(await officeName(ctx.dataSource, officeId)).toEqual(expect.any(String));
    expect(await officeName(ctx.dataSource, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('runs no statement for no ids', async () => {
    const { count } = await statements(async () => {
      await applicationSummaries(ctx.dataSource, []);
      await applicationSummariesInCycles(ctx.dataSource, []);
      await cycleSummaries(ctx.dataSource, []);
      await instanceStates(ctx.dataSource, []);
      await userNames(ctx.dataSource, []);
      await usersOutsideOffice(ctx.dataSource, [], officeId, ['reviewer']);
    });
    expect(count).toBe(0);
  });

  it("runs inside the caller's transaction: locks, rows alone and affected counts", async () => {
    await ctx.dataSource.transaction(async (m) => {
      await lockCycle(m, cycleId);
      const locked = await lockApplication(m, applications[0].id);
      expect(locked).toMatchObject({ id: applications[0].id, instanceId: applications[0].instanceId });
      expect(await lockApplication(m, '00000000-0000-0000-0000-000000000000')).toBeUndefined();
      // TypeORM answers an UPDATE with [rows, count]; these answer with the rows, or the count.
      expect(await sqlRows(m, `UPDATE applications SET updated_at = updated_at WHERE cycle_id = $1 RETURNING id`, [cycleId])).toHaveLength(3);
      expect(await sqlAffected(m, `UPDATE applications SET updated_at = updated_at WHERE cycle_id = $1`, [cycleId])).toBe(3);
    });
    expect(await sqlAffected(ctx.dataSource, `UPDATE applications SET updated_at = updated_at WHERE cycle_id = $1`, [cycleId])).toBe(3);
  });

  it("cancels only the pending deadlines whose kind and payload match, with the reason", async () => {
    const [instance] = applications;
    const rows: Array<{ id: string }> = await ctx.dataSource.query(
      `INSERT INTO deadlines (instance_id, kind, event, payload, due_at) VALUES
         ($1, 'review_due', 'review_overdue', '{"assignmentId": "a1"}', now() + interval '1 day'),
         ($1, 'review_reminder', 'review_reminder_due', '{"assignmentId": "a1", "daysBefore": 1}', now() + interval '1 day'),
         ($1, 'review_due', 'review_overdue', '{"assignmentId": "a2"}', now() + interval '1 day')
       RETURNING id`,
      [instance.instanceId],
    );
    expect(await cancelDeadlinesMatching(ctx.dataSource, { kinds: ['review_due', 'review_reminder'], payload: { assignmentId: 'a1' }, outcome: 'assignment_closed' })).toBe(2);
    const after = await ctx.dataSource.query(`SELECT id, status, outcome FROM deadlines WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    expect(after).toEqual(
      expect.arrayContaining([
        { id: rows[0].id, status: 'cancelled', outcome: 'assignment_closed' },
        { id: rows[1].id, status: 'cancelled', outcome: 'assignment_closed' },
        { id: rows[2].id, status: 'pending', outcome: null },
      ]),
    );
  });
  it('ranks N applications in the database: a page and its count, whatever N', async () => {
    const [best, tied, last] = applications;
    // Scores as the worker leaves them; the tie on score and 结果 falls to the lower receipt number.
    await ctx.dataSource.query(
      `INSERT INTO application_scores (application_id, cycle_id, rule, aggregated, results_subtotal, reviewer_count, onsite_adjustment) VALUES
         ($1, $4, 'mean', 80.50, 30, 3, 2.0), ($2, $4, 'mean', 82.50, 30, 3, 0), ($3, $4, 'mean', 70, 40, 3, 0)`,
      [last.id, tied.id, best.id, cycleId],
    );
    await ctx.dataSource.query(`UPDATE applications SET receipt_number = CASE id WHEN $1 THEN '2026-QA-0001' WHEN $2 THEN '2026-QA-0002' ELSE '2026-QA-0003' END WHERE cycle_id = $3`, [tied.id, last.id, cycleId]);
    const admin = { id: reviewers[0].id, username: 'office', role: Role.Admin, organizationId: null, officeIds: [officeId] };
    const { result, count } = await statements(() => ctx.api.get(RankingService).ranking(cycleId, {}, admin));
    // The page with its count, and its 20 rows' expert scores (dropped, spread, 离群) in one more: 3 whatever N.
    expect(count).toBe(3);
    expect(result.total).toBe(3);
    expect(result.items.map((r) => [r.applicationId, r.rank, r.score, r.organizationName])).toEqual([
      [tied.id, 1, 82.5, enterprises[1].name],
      [last.id, 2, 82.5, enterprises[2].name],
      [best.id, 3, 70, enterprises[0].name],
    ]);
  });
});
