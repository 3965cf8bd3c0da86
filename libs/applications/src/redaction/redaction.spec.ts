import { describe, expect, it } from '@jest/globals';
import { Role } from '@awardflow/identity';
import type { HistoryEntry } from '@awardflow/workflow';
import { Audience, audienceOf, AudienceKind } from './audience';
import { historyComment, identityMask, materialView, redactApplication, redactHistoryEntry, redactObjection } from './redaction';

const org = { id: 'org-1', name: '重庆甲精密制造有限公司', uscc: '91500103MA5U000001', address: '重庆市渝中区民族路 1 号', legalRepresentative: '张三', contact: { name: '王经理', phone: '023-63000000' } };
const as = (kind: AudienceKind, userId: string | null = 'reader'): Audience => ({ kind, userId });
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 5,
  actorId: 'someone',
  actorRole: 'applicant',
  action: 'submit',
  actionLabel: '',
  fromState: null,
  fromStateLabel: null,
  toState: 'x',
  toStateLabel: '',
  comment: null,
  payload: {},
  createdAt: new Date(0),
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
  chainValid: true,
  ...over,
});

describe('audienceOf', () => {
  const application = { organizationId: 'org-1' };
  const blind = { officeId: 'office-1', blindReview: true };
  const user = (role: Role, extra: { organizationId?: string; officeIds?: string[] } = {}) => ({ id: 'u', username: 'u', role, organizationId: extra.organizationId ?? null, officeIds: extra.officeIds ?? [] });

  it('tells the office, the enterprise, (blind) reviewers and everyone else apart', () => {
    expect(audienceOf(user(Role.Admin, { officeIds: ['office-1'] }), { application, cycle: blind }).kind).toBe('office');
    expect(audienceOf(user(Role.Admin, { officeIds: ['office-2'] }), { application, cycle: blind }).kind).toBe('public');
    expect(audienceOf(user(Role.Applicant, { organizationId: 'org-1' }), { application, cycle: blind }).kind).toBe('enterprise');
    expect(audienceOf(user(Role.Applicant, { organizationId: 'org-2' }), { application, cycle: blind }).kind).toBe('public');
    expect(audienceOf(user(Role.Reviewer, { officeIds: ['office-1'] }), { application, cycle: blind }).kind).toBe('blind-reviewer');
    expect(audienceOf(user(Role.Reviewer), { application, cycle: { ...blind, blindReview: false } }).kind).toBe('reviewer');
  });
});

describe('redaction', () => {
  it('masks every identifying string of the applicant in a blind form, longest first', () => {
    const mask = identityMask(org);
    expect(mask('重庆甲精密制造有限公司（信用代码 91500103MA5U000001）由张三创办，联系 023-63000000')).toBe('〔已隐去〕（信用代码 〔已隐去〕）由〔已隐去〕创办，联系 〔已隐去〕');
    const { organization, form } = redactApplication(as('blind-reviewer'), org, { project: { constructionUnit: org.name, scale: '10 万平方米' } });
    expect(organization).toBeUndefined();
    expect(form).toEqual({ project: { constructionUnit: '〔已隐去〕', scale: '10 万平方米' } });
    expect(redactApplication(as('enterprise'), org, { a: org.name })).toEqual({ organization: { id: org.id, name: org.name, uscc: org.uscc }, form: { a: org.name } });
  });

  it('hides a nominated person (中国质量奖 个人) from blind readers as it hides the applicant', () => {
    const form = { nominee: { name: '李明远', position: '总工程师', workUnit: '重庆甲精密制造有限公司二分厂', contribution: '李明远主持建立质量管理体系。' } };
    const blind = JSON.stringify(redactApplication(as('blind-reviewer'), org, form).form);
    expect(blind).not.toMatch(/李明远|二分厂/);
    expect(blind).toContain('总工程师');
    expect(redactApplication(as('office'), org, form).form).toEqual(form);
  });

  it('never shows who objected, nor the vote count, outside the office — even in rows written before the rule', () => {
    const objection = entry({ action: 'file_objection', actorId: 'objector-id', actorRole: 'applicant', comment: '实名异议（李四）' });
    const vote = entry({ action: 'close_panel_vote', actorRole: 'admin', comment: '表决结果：同意 1，反对 2，弃权 1', payload: { votePassed: false, approve: 1, reject: 2, abstain: 1 } });
    for (const kind of ['enterprise', 'reviewer', 'blind-reviewer', 'public'] as const) {
      const seen = JSON.stringify([redactHistoryEntry(as(kind, 'objector-id'), objection), redactHistoryEntry(as(kind), vote)]);
      expect(seen).not.toContain('李四');
      expect(seen).not.toContain('objector-id');
      expect(seen).not.toContain('同意');
      expect(seen).not.toContain('approve');
      expect(seen).not.toContain('h'.repeat(64));
    }
    expect(redactHistoryEntry(as('enterprise'), objection)).toMatchObject({ actorRole: 'objector', actorId: null, comment: null });
    expect(redactHistoryEntry(as('office'), objection)).toEqual(objection);
    expect(redactHistoryEntry(as('office'), vote)).toEqual(vote);
    expect(historyComment(as('enterprise'), vote)).toBeNull();
  });

  it('keeps a reader its own actor id and a revocation ban; masks the applicant in comments for blind readers', () => {
    const own = entry({ actorId: 'reader', comment: '重庆甲精密制造有限公司补充了材料', action: 'revoke', payload: { banEditions: 2, other: 1 } });
    expect(redactHistoryEntry(as('enterprise'), own)).toMatchObject({ actorId: 'reader', comment: own.comment, payload: { banEditions: 2 } });
    expect(redactHistoryEntry(as('blind-reviewer'), own, identityMask(org)).comment).toBe('〔已隐去〕补充了材料');
  });

  it('names materials as uploaded for the enterprise and the office, neutrally for blind readers', () => {
    const material = { id: 'm', documentType: 'self_assessment_report', originalName: '重庆甲-自评.pdf', mediaType: 'application/pdf', size: 1, sha256: 'x', createdAt: new Date(0) };
    expect(materialView(as('office'), material, 2, '自评报告')).toMatchObject({ n: 2, name: '重庆甲-自评.pdf', originalName: '重庆甲-自评.pdf' });
    const blind = materialView(as('blind-reviewer'), material, 2, '自评报告');
    expect(blind).toMatchObject({ n: 2, name: '材料2-自评报告.pdf' });
    expect(blind).not.toHaveProperty('originalName');
  });

  it('gives objections to the office whole, to the enterprise what it must answer without the objector, to others the outcome', () => {
    const o = {
      id: 'o',
      applicationId: 'a',
      channel: 'public',
      objectorName: '李四',
      objectorIdNumber: '110101199003071234',
      objectorOrganization: null,
      contactPhone: '13800000000',
      contactEmail: null,
      receivedOn: null,
      content: '本人李四（电话 13800000000）反映：该企业产品抽检不合格',
      evidence: '抽检报告',
      status: 'open',
      resolution: null,
      createdAt: new Date(0),
      resolvedAt: null,
      files: [{ id: 'f', fileName: '李四的证据.pdf', sizeBytes: 10 }],
    };
    expect(redactObjection(as('office'), o)).toEqual(o);
    const enterprise = redactObjection(as('enterprise'), o);
    expect(enterprise).toMatchObject({ content: '本人〔已隐去〕（电话 〔已隐去〕）反映：该企业产品抽检不合格', evidence: '抽检报告', evidenceFileCount: 1 });
    expect(JSON.stringify(enterprise)).not.toMatch(/李四|13800000000|110101199003071234/);
    expect(JSON.stringify(redactObjection(as('reviewer'), o))).not.toMatch(/李四|13800000000|抽检|证据/);
  });
});
