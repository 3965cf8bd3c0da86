import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAMILY_FORMS } from '@awardflow/rules';
import { sampleQualityForm } from '../testing/sample-forms';
import { ApplicationFormFacts, renderApplicationFormPdf } from './application-form-pdf';

const FONT = { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' };

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'form-pdf-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-']).toString('utf8').replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const facts = (over: Partial<ApplicationFormFacts> = {}): ApplicationFormFacts => ({
  awardName: '区长质量管理奖',
  year: 2026,
  cycleTitle: '2026年度渝中区区长质量管理奖',
  officeName: '渝中区市场监督管理局',
  receiptNumber: '2026-DMQ-0007',
  stateLabel: '已提交',
  submittedOn: '2026-03-05',
  applicant: { name: '重庆盲审测试有限公司', uscc: '91500103MA5U123456', address: '重庆市渝中区', legalRepresentative: '张三', contact: { name: '王经理', phone: '023-63000000' } },
  spec: FAMILY_FORMS.quality,
  form: sampleQualityForm(),
  materials: [{ label: '营业执照', optional: false, files: [{ n: 1, name: '营业执照.pdf', size: 2048 }] }, { label: '其他证明', optional: true, files: [] }],
  ...over,
});

(existsSync(FONT.path) ? describe : describe.skip)('the 申报书 drawing', () => {
  it('prints the applicant, the form by its labels, the materials and the declaration', async () => {
    const text = textOf(await renderApplicationFormPdf(facts(), FONT));
    expect(text).toContain('91500103MA5U123456');
    expect(text).toContain('测量、分析与改进');
    expect(text).toContain('高层领导确立质量优先的发展战略。');
    expect(text).toContain('2026年3月5日');
    expect(text).toContain('其他证明（选交）');
    expect(text).toContain('申报单位（公章）：重庆盲审测试有限公司');
    expect(text).toMatch(/第1页\/共3页/);
  });

  it('for a reader who may not learn the applicant, prints no name and no credit code', async () => {
    const text = textOf(await renderApplicationFormPdf(facts({ applicant: undefined }), FONT));
    expect(text).not.toContain('91500103MA5U123456');
    expect(text).not.toContain('重庆盲审测试有限公司');
    expect(text).toContain('申报单位信息已隐去');
  });

  it('prints the same bytes for the same facts', async () => {
    const [a, b] = await Promise.all([renderApplicationFormPdf(facts(), FONT), renderApplicationFormPdf(facts(), FONT)]);
    expect(a.equals(b)).toBe(true);
  });
});
