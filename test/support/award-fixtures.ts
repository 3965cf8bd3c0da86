import { randomInt } from 'node:crypto';
import { usccCheckCharacter, USCC_CHARSET } from '../../libs/applications/src/organizations/uscc';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { sampleOrganization, sampleQualityForm } from '../../libs/applications/src/testing/sample-forms';
import { createUser, TestContext } from './test-app';

let sequence = 0;

/** A valid 统一社会信用代码, different on every call. */
export function validUscc(): string {
  sequence++;
  const body = `915001${String(Date.now() % 1e6).padStart(6, '0')}${String(sequence).padStart(3, '0')}` + USCC_CHARSET[randomInt(31)] + USCC_CHARSET[randomInt(31)];
  const first17 = body.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

export const qualityForm = sampleQualityForm;

export interface Enterprise {
  userId: string;
  /** How the enterprise's user signs in on the console. */
  username: string;
  password: string;
  token: string;
  organizationId: string;
  name: string;
  uscc: string;
}

/** An applicant user who registers its organisation through the API (and gets the re-issued token). */
export async function registerEnterprise(ctx: TestContext, name: string, overrides: Record<string, unknown> = {}): Promise<Enterprise> {
  const username = `ent${Date.now().toString(36)}${++sequence}`;
  const password = 'user-password-1';
  const user = await createUser(ctx, { username, password, role: 'applicant', email: `${username}@example.cn` });
  const uscc = validUscc();
  const res = await ctx.http
    .post('/organizations')
    .set('Authorization', user.token)
    .send({ ...sampleOrganization(name, uscc, `${username}@example.cn`), ...overrides });
  if (res.status !== 201) throw new Error(`register ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  await ctx.http.put(`/admin/organizations/${res.body.id}/credit-grade`).set('Authorization', await ctx.adminToken()).send({ grade: 'A', reason: '市场监管局评定结果' }).expect(200);
  return { userId: user.id, username, password, token: `Bearer ${res.body.accessToken}`, organizationId: res.body.id, name, uscc };
}

/** An office's admin creating a cycle for that office (a cycle is created by its own office's admin). */
export interface CycleCreator {
  token: string;
  officeId: string;
}

/** Creates and opens a cycle through the API, as the seeded admin unless `creator` names an office's own admin. */
export async function openCycle(ctx: TestContext, overrides: Record<string, unknown> = {}, creator?: CycleCreator): Promise<{ id: string; title: string }> {
  const token = creator?.token ?? (await ctx.adminToken());
  const res = await ctx.http
    .post('/cycles')
    .set('Authorization', token)
    .send({
      ...(creator && { officeId: creator.officeId }),
      awardCode: 'district-quality-award',
      year: 2000 + (++sequence % 100),
      title: `渝中区区长质量管理奖 测试 ${sequence}`,
      applicationOpensAt: '2026-01-01',
      applicationClosesAt: '2099-12-31',
      // Years of operation are counted to a date of today's scale, not to the far-off deadline.
      eligibilityReferenceDate: '2026-06-01',
      quota: { awards: 3, secondTier: { label: '提名奖', count: 2 } },
      reviewersPerApplication: 3,
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`create cycle: ${res.status} ${JSON.stringify(res.body)}`);
  const opened = await ctx.http.post(`/cycles/${res.body.id}/open`).set('Authorization', token);
  if (opened.status !== 200) throw new Error(`open cycle: ${opened.status} ${JSON.stringify(opened.body)}`);
  return res.body;
}

export const QUALITY_REQUIRED = ['application_form', 'self_assessment_report', 'business_license', 'no_major_accident_pledge'];

export async function uploadMaterials(ctx: TestContext, token: string, applicationId: string, types: string[] = QUALITY_REQUIRED): Promise<void> {
  for (const type of types) {
    await ctx.http
      .post(`/applications/${applicationId}/attachments`)
      .set('Authorization', token)
      .field('documentType', type)
      .attach('file', samplePdf(type), { filename: `${type}.pdf`, contentType: 'application/pdf' })
      .expect(201);
  }
}

/** A draft with a complete form and every required material, ready to submit. */
export async function readyApplication(ctx: TestContext, enterprise: Enterprise, cycleId: string): Promise<string> {
  const res = await ctx.http.post('/applications').set('Authorization', enterprise.token).send({ cycleId, form: qualityForm() });
  if (res.status !== 201) throw new Error(`create application: ${res.status} ${JSON.stringify(res.body)}`);
  await uploadMaterials(ctx, enterprise.token, res.body.id);
  return res.body.id;
}
