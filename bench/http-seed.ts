import { usccCheckCharacter } from '../libs/applications/src/organizations/uscc';
import { sampleOrganization, sampleQualityForm } from '../libs/applications/src/testing/sample-forms';
import { inLanes } from './bench-support';
import { HttpClient } from './http-client';

/** What bench:http drives: draft applications, complete and with every material, each with its enterprise's token. */
export interface SeededApplication {
  id: string;
  token: string;
}

const REQUIRED_MATERIALS = ['application_form', 'self_assessment_report', 'business_license', 'no_major_accident_pledge'];

/** The shape of a minimal PDF (the upload checks the magic bytes and the type). */
function pdf(text: string): Blob {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new Blob([Buffer.from(body, 'latin1')], { type: 'application/pdf' });
}

let sequence = 0;

/** A valid 统一社会信用代码, different on every call. */
function uscc(): string {
  const first17 = `915001${String(Date.now() % 1e6).padStart(6, '0')}${String(++sequence).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

const FORM = sampleQualityForm();

/**
 * Through the product's own API, as the e2e fixtures do: `cycles` open cycles of the 区长质量管理奖
 * (one active application per enterprise and cycle), enough registered enterprises (credit grade A)
 * to make `count` applications, each with a complete form and the four required materials.
 */
export async function seedApplications(http: HttpClient, admin: string, count: number, cycles: number, lanes: number): Promise<SeededApplication[]> {
  const cycleIds: string[] = [];
  for (let i = 0; i < cycles; i++) {
    const cycle = await http.call<{ id: string }>('POST', '/cycles', admin, {
      awardCode: 'district-quality-award',
      year: 2030 + i,
      title: `渝中区区长质量管理奖 基准测试 ${2030 + i}`,
      applicationOpensAt: '2026-01-01',
      applicationClosesAt: '2099-12-31',
      quota: { awards: 3, secondTier: { label: '提名奖', count: 2 } },
      reviewersPerApplication: 3,
    });
    await http.call('POST', `/cycles/${cycle.id}/open`, admin);
    cycleIds.push(cycle.id);
  }

  const enterpriseCount = Math.ceil(count / cycles);
  const tokens: string[] = new Array(enterpriseCount);
  await inLanes([...Array(enterpriseCount).keys()], lanes, async (i) => {
    const username = `bench${Date.now().toString(36)}${i}`;
    const password = `bench-password-${i}-${Date.now()}`;
    await http.call('POST', '/users', admin, { username, password, role: 'applicant', displayName: `基准企业${i}`, email: `${username}@example.cn` });
    const userToken = await http.login(username, password);
    const org = await http.call<{ id: string; accessToken: string }>('POST', '/organizations', userToken, sampleOrganization(`重庆基准测试企业${i}有限公司`, uscc(), `${username}@example.cn`));
    await http.call('PUT', `/admin/organizations/${org.id}/credit-grade`, admin, { grade: 'A', reason: '市场监管局评定结果' });
    tokens[i] = `Bearer ${org.accessToken}`;
  });

  const slots = Array.from({ length: count }, (_, i) => ({ token: tokens[Math.floor(i / cycles)], cycleId: cycleIds[i % cycles] }));
  const applications: SeededApplication[] = new Array(count);
  await inLanes(slots, lanes, async ({ token, cycleId }, i) => {
    const { id } = await http.call<{ id: string }>('POST', '/applications', token, { cycleId, form: FORM });
    for (const type of REQUIRED_MATERIALS) {
      const form = new FormData();
      form.set('documentType', type);
      form.set('file', pdf(type), `${type}.pdf`);
      await http.call('POST', `/applications/${id}/attachments`, token, form);
    }
    applications[i] = { id, token };
  });
  return applications;
}
