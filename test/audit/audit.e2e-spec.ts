import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Enterprise, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, Reviewer, reviewerPool, scoreSheet } from '../support/review-fixtures';
import { freePort, waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';

const AWARD = 'district-quality-award';
// supertest talks to the API over loopback: Express's req.ip is one of these.
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

interface AuditRecord {
  id: string;
  at: string;
  actor: { id: string | null; role: string };
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { from: unknown; to: unknown } | { redacted: true }>;
  details: Record<string, unknown>;
  clientIp: string | null;
  officeIds: string[];
}

interface Admin {
  id: string;
  token: string;
}

/**
 * The audit log through the real API: each admin action outside the workflow leaves exactly one
 * record saying who (id and role), when, what changed and from which address; the records belong
 * to an office and only its admins read them; the database refuses to rewrite them; every version
 * of an expert's score is kept while the ranking uses the last.
 */
describe('audit log', () => {
  let ctx: TestContext;
  let yuzhong: string;
  let city: string;
  let officeAdmin: Admin; // 渝中区 only
  let cityAdmin: Admin; // the city office only
  let pool: Reviewer[];
  let cycleId: string;
  let reviewCycleId: string;
  let enterprise: Enterprise;
  let applicationId: string;
  let cycleYear = 2040;

  beforeAll(async () => {
    // Mail goes to a closed port with one attempt: every email job fails, so there are jobs to retry.
    const smtpPort = await freePort();
    ctx = await startTestApp({
      worker: true,
      env: { OUTBOX_POLL_INTERVAL_MS: '200', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), NOTIFICATION_MAX_ATTEMPTS: '1', NOTIFICATION_BACKOFF_MS: '100' },
    });
    const offices: Array<{ id: string; code: string }> = await ctx.dataSource.query(`SELECT id, code FROM offices`);
    yuzhong = offices.find((o) => o.code === 'CQ-YZ')!.id;
    city = offices.find((o) => o.code === 'CQ')!.id;
    officeAdmin = await createUser(ctx, { username: 'yz-admin', role: 'admin', officeIds: [yuzhong] } as never);
    cityAdmin = await createUser(ctx, { username: 'cq-admin', role: 'admin', officeIds: [city] } as never);
    pool = await reviewerPool(ctx, 5);
    // Seven accounts are seven password hashes and seven logins: slow on a busy machine.
  }, 180_000);
  afterAll(async () => ctx?.close());

  async function search(token: string, query: Record<string, string | number>): Promise<{ items: AuditRecord[]; total: number; page: number; pageSize: number }> {
    const res = await ctx.http.get('/audit').query(query).set('Authorization', token).expect(200);
    return res.body;
  }

  /** Runs an admin action and returns the one record it left on the entity (failing on none or two). */
  async function oneRecordOf(entityType: string, entityId: string, act: () => Promise<unknown>, token = officeAdmin.token): Promise<AuditRecord> {
    const before = await search(token, { entityType, entityId, pageSize: 100 });
    const since = Date.now();
    await act();
    const after = await search(token, { entityType, entityId, pageSize: 100 });
    expect(after.total).toBe(before.total + 1);
    const [record] = after.items.filter((r) => !before.items.some((b) => b.id === r.id));
    expect(record).toBeDefined();
    // When: inside the request, by the database clock (the same machine's).
    const at = new Date(record.at).getTime();
    expect(at).toBeGreaterThanOrEqual(since - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    // From where: the address Express saw.
    expect(record.clientIp).toMatch(LOOPBACK);
    return record;
  }

  const byOfficeAdmin = () => ({ id: officeAdmin.id, role: 'admin' });

  async function createCycle(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await ctx.http
      .post('/cycles')
      .set('Authorization', token)
      .send({
        awardCode: AWARD,
        year: ++cycleYear,
        title: `渝中区区长质量管理奖 审计 ${cycleYear}`,
        applicationOpensAt: '2026-01-01',
        applicationClosesAt: '2099-12-31',
        quota: { awards: 3 },
        reviewersPerApplication: 3,
        ...overrides,
      })
      .expect(201);
    return res.body.id;
  }

  describe('users', () => {
    it('records a user created: by whom, into which offices, never its password', async () => {
      const mine = { entityType: 'user', actorId: officeAdmin.id };
      const before = await search(officeAdmin.token, mine);
      const since = Date.now();
      const res = await ctx.http
        .post('/users')
        .set('Authorization', officeAdmin.token)
        .send({ username: 'yz-expert', displayName: '渝中专家', role: 'reviewer', password: 'a-secret-password-9', officeIds: [yuzhong] })
        .expect(201);
      const userId = res.body.id;
      const after = await search(officeAdmin.token, mine);
      expect(after.total).toBe(before.total + 1);
      expect((await search(officeAdmin.token, { entityType: 'user', entityId: userId })).total).toBe(1);
      const [entry] = after.items;
      expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(since - 1000);
      expect(entry).toMatchObject({ actor: byOfficeAdmin(), action: 'user_created', entityType: 'user', entityId: userId, officeIds: [yuzhong] });
      expect(entry.clientIp).toMatch(LOOPBACK);
      expect(entry.changes).toMatchObject({
        username: { from: null, to: 'yz-expert' },
        role: { from: null, to: 'reviewer' },
        officeIds: { from: null, to: [yuzhong] },
        isActive: { from: null, to: true },
      });
      const stored = JSON.stringify(await ctx.dataSource.query(`SELECT * FROM audit_events WHERE entity_id = $1`, [userId]));
      expect(stored).not.toContain('a-secret-password-9');
      expect(stored).not.toMatch(/argon2|passwordHash|password_hash/);
    });

    it('records a role change and a password reset with only what changed, never the password', async () => {
      const created = await ctx.http
        .post('/users')
        .set('Authorization', officeAdmin.token)
        .send({ username: 'yz-promoted', displayName: '渝中专家二', role: 'reviewer', password: 'a-secret-password-8', officeIds: [yuzhong] })
        .expect(201);
      const userId = created.body.id;
      const promoted = await oneRecordOf('user', userId, () =>
        ctx.http.patch(`/users/${userId}`).set('Authorization', officeAdmin.token).send({ role: 'admin' }).expect(200),
      );
      expect(promoted).toMatchObject({ actor: byOfficeAdmin(), action: 'user_changed', entityType: 'user', entityId: userId, officeIds: [yuzhong] });
      expect(promoted.changes).toEqual({ role: { from: 'reviewer', to: 'admin' } });
      const reset = await oneRecordOf('user', userId, () =>
        ctx.http.patch(`/users/${userId}`).set('Authorization', officeAdmin.token).send({ password: 'another-secret-pass-7' }).expect(200),
      );
      expect(reset.details).toMatchObject({ loginReset: true });
      const stored = JSON.stringify(await ctx.dataSource.query(`SELECT * FROM audit_events WHERE entity_id = $1`, [userId]));
      expect(stored).not.toContain('another-secret-pass-7');
    });
  });

  describe('cycles', () => {
    it('records the creation, each PATCH with the fields it changed, opening and closing', async () => {
      const since = Date.now();
      cycleId = await createCycle(officeAdmin.token);
      const [createdRecord] = (await search(officeAdmin.token, { entityType: 'cycle', entityId: cycleId })).items;
      expect(createdRecord).toMatchObject({ actor: byOfficeAdmin(), action: 'cycle_created', officeIds: [yuzhong] });
      expect(new Date(createdRecord.at).getTime()).toBeGreaterThanOrEqual(since - 1000);
      expect(createdRecord.changes.title).toEqual({ from: null, to: `渝中区区长质量管理奖 审计 ${cycleYear}` });

      const patched = await oneRecordOf('cycle', cycleId, () =>
        ctx.http.patch(`/cycles/${cycleId}`).set('Authorization', officeAdmin.token).send({ title: '渝中区区长质量管理奖（修订）', publicityDays: 5 }).expect(200),
      );
      expect(patched).toMatchObject({ actor: byOfficeAdmin(), action: 'cycle_changed' });
      expect(patched.changes).toEqual({
        title: { from: `渝中区区长质量管理奖 审计 ${cycleYear}`, to: '渝中区区长质量管理奖（修订）' },
        publicityDays: { from: 7, to: 5 },
      });

      const opened = await oneRecordOf('cycle', cycleId, () => ctx.http.post(`/cycles/${cycleId}/open`).set('Authorization', officeAdmin.token).expect(200));
      expect(opened).toMatchObject({ actor: byOfficeAdmin(), action: 'cycle_opened' });
      expect(opened.changes.status).toEqual({ from: 'draft', to: 'open' });

      const extended = await oneRecordOf('cycle', cycleId, () =>
        ctx.http.post(`/cycles/${cycleId}/deadlines/extend`).set('Authorization', officeAdmin.token).send({ kind: 'application_window_close', by: 'P7D', reason: '延长申报期' }).expect(200),
      );
      expect(extended).toMatchObject({ actor: byOfficeAdmin(), action: 'deadline_extended', details: { kind: 'application_window_close', reason: '延长申报期' } });
      const window = extended.changes.applicationClosesAt as { from: string; to: string };
      expect(new Date(window.to).getTime() - new Date(window.from).getTime()).toBe(7 * 86_400_000);

      const closed = await oneRecordOf('cycle', cycleId, () => ctx.http.post(`/cycles/${cycleId}/close`).set('Authorization', officeAdmin.token).expect(200));
      expect(closed).toMatchObject({ actor: byOfficeAdmin(), action: 'cycle_closed' });
      expect(closed.changes.status).toEqual({ from: 'open', to: 'closed' });

      const all = await search(officeAdmin.token, { entityType: 'cycle', entityId: cycleId });
      expect(all.items.map((r) => r.action)).toEqual(['cycle_closed', 'deadline_extended', 'cycle_opened', 'cycle_changed', 'cycle_created']);
    });

    it('records nothing for a refused edit', async () => {
      const before = await search(officeAdmin.token, { entityType: 'cycle', entityId: cycleId });
      await ctx.http.patch(`/cycles/${cycleId}`).set('Authorization', officeAdmin.token).send({ title: '已结束' }).expect(409);
      expect((await search(officeAdmin.token, { entityType: 'cycle', entityId: cycleId })).total).toBe(before.total);
    });
  });

  describe('reviewer pool, panel and assignments', () => {
    beforeAll(async () => {
      reviewCycleId = await createCycle(officeAdmin.token);
      await ctx.http.post(`/cycles/${reviewCycleId}/open`).set('Authorization', officeAdmin.token).expect(200);
      enterprise = await registerEnterprise(ctx, '重庆审计测试精密制造有限公司');
      applicationId = await readyApplication(ctx, enterprise, reviewCycleId);
      await intoExpertReview(ctx, enterprise, applicationId);
      await waitFor(async () => (await assignmentsOf(ctx, applicationId)).length === 3, 30_000, 'three experts assigned');
    }, 180_000);

    it('records a reviewer registered again with the fields that changed', async () => {
      const record = await oneRecordOf('reviewer', pool[0].id, () =>
        ctx.http.post('/reviews/reviewers').set('Authorization', officeAdmin.token).send({ userId: pool[0].id, expertise: ['C'], ties: [], maxLoad: 8 }).expect(201),
      );
      expect(record).toMatchObject({ actor: byOfficeAdmin(), action: 'reviewer_registered', changes: { maxLoad: { from: 15, to: 8 } } });
      expect(Object.keys(record.changes)).toEqual(['maxLoad']);
    });

    it('records the panel members set, before and after', async () => {
      const members = [pool[0].id, pool[1].id].sort();
      const record = await oneRecordOf('cycle', reviewCycleId, () => ctx.http.post(`/cycles/${reviewCycleId}/panel`).set('Authorization', officeAdmin.token).send({ memberIds: members }).expect(200));
      expect(record).toMatchObject({ actor: byOfficeAdmin(), action: 'panel_members_set', officeIds: [yuzhong], changes: { panelMemberIds: { from: [], to: members } } });
    });

    it('records the experts named for 形式审查 and for one application\'s 现场评审, before and after', async () => {
      const named = [pool[0].id];
      const forCycle = await oneRecordOf('cycle', reviewCycleId, () =>
        ctx.http.put(`/cycles/${reviewCycleId}/stage-reviewers`).set('Authorization', officeAdmin.token).send({ stage: 'formal_review', userIds: named }).expect(200),
      );
      expect(forCycle).toMatchObject({ actor: byOfficeAdmin(), action: 'stage_reviewers_named', officeIds: [yuzhong], changes: { formal_review: { from: [], to: named } } });
      const forApplication = await oneRecordOf('application', applicationId, () =>
        ctx.http.put(`/applications/${applicationId}/onsite-reviewers`).set('Authorization', officeAdmin.token).send({ userIds: named }).expect(200),
      );
      expect(forApplication).toMatchObject({ action: 'stage_reviewers_named', changes: { onsite_review: { from: [], to: named } } });
    });

    it('records a reassignment and an assignment by hand', async () => {
      const assigned = await assignmentsOf(ctx, applicationId);
      const free = pool.filter((r) => !assigned.some((a) => a.reviewer_id === r.id));
      expect(free).toHaveLength(2);
      const replaced = assigned[2];

      const reassigned = await oneRecordOf('review_assignment', replaced.id, () =>
        ctx.http.post(`/reviews/assignments/${replaced.id}/reassign`).set('Authorization', officeAdmin.token).send({ reviewerId: free[0].id }).expect(200),
      );
      expect(reassigned).toMatchObject({
        actor: byOfficeAdmin(),
        action: 'reviewer_reassigned',
        officeIds: [yuzhong],
        changes: { status: { from: 'assigned', to: 'replaced' } },
        details: { applicationId, reviewerId: replaced.reviewer_id, replacementReviewerId: free[0].id },
      });

      const byHand = await oneRecordOf('application', applicationId, () =>
        ctx.http.post(`/reviews/applications/${applicationId}/assignments`).set('Authorization', officeAdmin.token).send({ reviewerId: free[1].id }).expect(200),
      );
      expect(byHand).toMatchObject({ actor: byOfficeAdmin(), action: 'reviewer_assigned', officeIds: [yuzhong], details: { reviewerId: free[1].id } });
      expect(await assignmentsOf(ctx, applicationId)).toHaveLength(4);
    });

    it('keeps every version of an overwritten score, records each overwrite, and ranks by the last', async () => {
      const assignments = await assignmentsOf(ctx, applicationId);
      const expert = (reviewerId: string) => pool.find((r) => r.id === reviewerId)!;
      const [first, ...others] = assignments;
      const total = (fraction: number) => Math.round(scoreSheet(AWARD, fraction).items.reduce((s, i) => s + i.score, 0) * 10) / 10;

      await ctx.http.post(`/reviews/assignments/${first.id}/scores`).set('Authorization', expert(first.reviewer_id).token).send(scoreSheet(AWARD, 0.6)).expect(200);
      for (const [previous, fraction] of [
        [0.6, 0.7],
        [0.7, 0.8],
      ]) {
        const record = await oneRecordOf('review_assignment', first.id, () =>
          ctx.http.post(`/reviews/assignments/${first.id}/scores`).set('Authorization', expert(first.reviewer_id).token).send(scoreSheet(AWARD, fraction, `复核后调整为 ${fraction}`)).expect(200),
        );
        // Who: the reviewer who overwrote it; the record is the cycle's office's.
        expect(record).toMatchObject({ actor: { id: first.reviewer_id, role: 'reviewer' }, action: 'score_overwritten', officeIds: [yuzhong] });
        expect(record.changes.total).toEqual({ from: total(previous), to: total(fraction) });
        const criterion = scoreSheet(AWARD, fraction).items[0].criterion;
        expect(record.changes[`item ${criterion}`]).toEqual({ from: scoreSheet(AWARD, previous).items[0].score, to: scoreSheet(AWARD, fraction).items[0].score });
      }

      const versions = await ctx.http.get(`/reviews/assignments/${first.id}/score-versions`).set('Authorization', officeAdmin.token).expect(200);
      expect(versions.body.map((v: { version: number; total: number; current: boolean }) => [v.version, v.total, v.current])).toEqual([
        [1, total(0.6), false],
        [2, total(0.7), false],
        [3, total(0.8), true],
      ]);
      expect(versions.body[2].comment).toBe('复核后调整为 0.8');
      expect(versions.body[0].items).toEqual(scoreSheet(AWARD, 0.6).items);

      for (const a of others) {
        await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', expert(a.reviewer_id).token).send(scoreSheet(AWARD, 0.5)).expect(200);
      }
      const ranking = await waitFor(async () => {
        const res = await ctx.http.get(`/cycles/${reviewCycleId}/ranking`).set('Authorization', officeAdmin.token).expect(200);
        return res.body.items.length === 1 ? res.body.items : null;
      }, 30_000, 'the aggregated score');
      const expected = Math.round(((total(0.8) + 3 * total(0.5)) / 4) * 100) / 100;
      expect(ranking[0]).toMatchObject({ applicationId, reviewerCount: 4 });
      expect(ranking[0].aggregated).toBeCloseTo(expected, 2);
    });
  });

  describe('organisations', () => {
    let organizationId: string;
    beforeAll(async () => {
      organizationId = (await registerEnterprise(ctx, '重庆审计信用测试有限公司')).organizationId;
    });

    it('records a credit grade change with its old and new grade', async () => {
      const record = await oneRecordOf('organization', organizationId, () =>
        ctx.http.put(`/admin/organizations/${organizationId}/credit-grade`).set('Authorization', officeAdmin.token).send({ grade: 'B', reason: '市场监管局评定结果' }).expect(200),
      );
      expect(record).toMatchObject({ actor: byOfficeAdmin(), action: 'credit_grade_set', changes: { creditGrade: { from: 'A', to: 'B' } } });
    });

    it('records a compliance record added and removed', async () => {
      let recordId = '';
      const added = await oneRecordOf('organization', organizationId, async () => {
        const res = await ctx.http
          .post(`/admin/organizations/${organizationId}/records`)
          .set('Authorization', officeAdmin.token)
          .send({ kind: 'penalty', reason: '产品质量监督抽查不合格，已行政处罚', occurredAt: '2025-03-01' })
          .expect(201);
        recordId = res.body.id;
      });
      expect(added).toMatchObject({ actor: byOfficeAdmin(), action: 'record_added', details: { recordId }, changes: { kind: { from: null, to: 'penalty' } } });

      const removed = await oneRecordOf('organization', organizationId, () => ctx.http.delete(`/admin/records/${recordId}`).set('Authorization', officeAdmin.token).expect(204));
      expect(removed).toMatchObject({ actor: byOfficeAdmin(), action: 'record_removed', details: { recordId }, changes: { kind: { from: 'penalty', to: null } } });
    });
  });

  describe('operations', () => {
    it('records a failed job retried', async () => {
      const failed = await waitFor(async () => {
        const res = await ctx.http.get('/admin/jobs/failed?queue=notifications').set('Authorization', officeAdmin.token).expect(200);
        return res.body.items[0] ?? null;
      }, 30_000, 'a failed email job');
      const record = await oneRecordOf('failed_job', failed.id, () => ctx.http.post(`/admin/jobs/${encodeURIComponent(failed.id)}/retry`).set('Authorization', officeAdmin.token).expect(200));
      expect(record).toMatchObject({ actor: byOfficeAdmin(), action: 'failed_job_retried', officeIds: [yuzhong], details: { queue: 'notifications', name: failed.name } });
    });
  });

  describe('who reads it', () => {
    it("shows an office's records to its admins only", async () => {
      for (const [entityType, entityId] of [
        ['cycle', cycleId],
        ['cycle', reviewCycleId],
        ['application', applicationId],
      ]) {
        expect((await search(officeAdmin.token, { entityType, entityId })).total).toBeGreaterThan(0);
        expect(await search(cityAdmin.token, { entityType, entityId })).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      }
      const everything = await search(cityAdmin.token, { pageSize: 100 });
      expect(everything.items.every((r) => r.officeIds.includes(city))).toBe(true);
      const [assignment] = await assignmentsOf(ctx, applicationId, 'scored');
      await ctx.http.get(`/reviews/assignments/${assignment.id}/score-versions`).set('Authorization', cityAdmin.token).expect(404);
      await ctx.http.get(`/reviews/assignments/${assignment.id}/score-versions`).set('Authorization', pool[0].token).expect(403);
      await ctx.http.get('/audit').set('Authorization', pool[0].token).expect(403);
      await ctx.http.get('/audit').set('Authorization', enterprise.token).expect(403);
    });

    it('filters by actor and time, pages within bounds, and refuses bad filters naming them', async () => {
      const mine = await search(officeAdmin.token, { actorId: officeAdmin.id, pageSize: 2, page: 1 });
      expect(mine.items).toHaveLength(2);
      expect(mine.total).toBeGreaterThan(2);
      expect(mine.items.every((r) => r.actor.id === officeAdmin.id)).toBe(true);
      const second = await search(officeAdmin.token, { actorId: officeAdmin.id, pageSize: 2, page: 2 });
      expect(Number(second.items[0].id)).toBeLessThan(Number(mine.items[1].id));
      expect((await search(officeAdmin.token, { to: '2000-01-01' })).total).toBe(0);
      expect((await search(officeAdmin.token, { from: new Date(Date.now() - 3_600_000).toISOString(), actorId: officeAdmin.id })).total).toBe(mine.total);

      for (const [query, field] of [
        ['page=1e18', 'page'],
        ['pageSize=201', 'pageSize'],
        ['page=0', 'page'],
        ['from=yesterday', 'from'],
        ['from=2026-13-40', 'from'],
        ['actorId=nobody', 'actorId'],
        ['entityType=planet', 'entityType'],
      ]) {
        const res = await ctx.http.get(`/audit?${query}`).set('Authorization', officeAdmin.token).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('states both routes and their response shapes in the OpenAPI document', async () => {
      const doc = (await ctx.http.get('/docs/openapi.json').expect(200)).body;
      expect(doc.paths['/audit'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/AuditPageDto');
      expect(doc.paths['/reviews/assignments/{id}/score-versions'].get.responses['200'].content['application/json'].schema.items.$ref).toBe('#/components/schemas/ScoreVersionDto');
      expect(Object.keys(doc.components.schemas.AuditRecordDto.properties)).toEqual(
        expect.arrayContaining(['actor', 'at', 'action', 'entityType', 'entityId', 'changes', 'clientIp', 'officeIds']),
      );
    });
  });

  describe('in the database', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of the audit log and of score versions, even to the application', async () => {
      const [{ n: records }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`);
      const [{ n: versions }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM review_score_versions`);
      expect(records).toBeGreaterThan(0);
      expect(versions).toBe(6);
      for (const sql of [
        `UPDATE audit_events SET actor_id = NULL`,
        `UPDATE audit_events SET action = 'nothing' WHERE id = (SELECT max(id) FROM audit_events)`,
        `DELETE FROM audit_events`,
        `DELETE FROM audit_events WHERE false`,
        `TRUNCATE audit_events`,
        `UPDATE review_score_versions SET total = 1000`,
        `DELETE FROM review_score_versions`,
        `TRUNCATE review_score_versions`,
      ]) {
        await expect(ctx.dataSource.query(sql)).rejects.toThrow(/append-only/);
      }
      expect((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n).toBe(records);
      expect((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM review_score_versions`))[0].n).toBe(versions);
    });
  });
});
