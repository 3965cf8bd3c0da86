import { getAward, rubricItems } from '../../libs/awards/src';
import { Enterprise } from './award-fixtures';
import { waitFor } from './throwaway-redis';
import { createUser, TestContext } from './test-app';

let sequence = 0;

export interface Reviewer {
  id: string;
  token: string;
  username: string;
}

/** Reviewer users registered in the admin's office pool (expertise C, no ties unless given). */
export async function reviewerPool(ctx: TestContext, count: number, ties: (i: number) => string[] = () => []): Promise<Reviewer[]> {
  const admin = await ctx.adminToken();
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < count; i++) {
    const username = `expert${Date.now().toString(36)}${++sequence}`;
    const user = await createUser(ctx, { username, role: 'reviewer', displayName: `专家${sequence}`, email: `${username}@example.cn` });
    const res = await ctx.http.post('/reviews/reviewers').set('Authorization', admin).send({ userId: user.id, expertise: ['C'], ties: ties(i) });
    if (res.status !== 201) throw new Error(`register reviewer: ${res.status} ${JSON.stringify(res.body)}`);
    reviewers.push({ ...user, username });
  }
  return reviewers;
}

/** A complete score sheet for an award's rubric: every item at `fraction` of its maximum (one decimal). */
export function scoreSheet(awardCode: string, fraction: number, comment = '材料翔实，结果类指标有说服力。') {
  const items = rubricItems(getAward(awardCode).rubric).map((i) => ({ criterion: i.criterion, score: Math.round(i.max * fraction * 10) / 10 }));
  return { items, comment };
}

export async function act(ctx: TestContext, token: string, applicationId: string, action: string, body: Record<string, unknown> = {}, expected = 200) {
  const res = await ctx.http.post(`/applications/${applicationId}/actions/${action}`).set('Authorization', token).send(body);
  if (res.status !== expected) throw new Error(`${action} on ${applicationId}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function stateOf(ctx: TestContext, applicationId: string): Promise<string> {
  const res = await ctx.http.get(`/applications/${applicationId}`).set('Authorization', await ctx.adminToken());
  return res.body.state;
}

export async function waitForState(ctx: TestContext, applicationId: string, state: string, what = `application ${applicationId} in ${state}`): Promise<void> {
  await waitFor(async () => (await stateOf(ctx, applicationId)) === state, undefined, what);
}

/** Submitted, taken into review by the office and through 形式审查: the worker assigns the experts. */
export async function intoExpertReview(ctx: TestContext, enterprise: Enterprise, applicationId: string): Promise<void> {
  const admin = await ctx.adminToken();
  await act(ctx, enterprise.token, applicationId, 'submit');
  await act(ctx, admin, applicationId, 'start_review');
  await act(ctx, admin, applicationId, 'pass_formal_review');
}

export async function assignmentsOf(ctx: TestContext, applicationId: string, status = 'assigned'): Promise<Array<{ id: string; reviewer_id: string }>> {
  return ctx.dataSource.query(`SELECT id, reviewer_id FROM review_assignments WHERE application_id = $1 AND status = $2 ORDER BY created_at`, [applicationId, status]);
}

/** Today in Beijing, as a 公示 start date. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const OBJECTION_CONTACT = { unit: '渝中区市场监督管理局质量发展科', phone: '023-63000000', address: '重庆市渝中区中山三路 128 号', email: 'zlk@yuzhong.example.cn' };

/**
 * Publishes the cycle's 公示 (every application in 待公示, or those named) starting today, as the
 * office does; its period is days long, so a test ends it with endWindow(…, 'publicity_end').
 */
export async function publishPublicity(ctx: TestContext, token: string, cycleId: string, applicationIds?: string[], body: Record<string, unknown> = {}) {
  const res = await ctx.http
    .post(`/cycles/${cycleId}/publicity-batches`)
    .set('Authorization', token)
    .send({ startsOn: beijingToday(), contact: OBJECTION_CONTACT, ...(applicationIds ? { applicationIds } : {}), ...body });
  if (res.status !== 201) throw new Error(`publish 公示: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; startsOn: string; endsOn: string; endsAt: string; entries: Array<{ applicationId: string; publicId: string }> };
}
