import { describe, expect, it } from '@jest/globals';
import { renderTemplate, TEMPLATES, TemplateKey } from './templates';

describe('notification templates', () => {
  it.each(Object.keys(TEMPLATES) as TemplateKey[])('%s renders in Chinese with no unfilled variable', (key) => {
    const full = renderTemplate(key, {
      awardName: '区长质量管理奖',
      cycleTitle: '2026年度渝中区区长质量管理奖',
      organizationName: '重庆渝中精工机械有限公司',
      receiptNumber: '2026-DMQ-0042',
      stateLabel: '社会公示',
      reason: '缺少营业执照副本',
      deadline: '2026-06-15 23:59',
      daysBefore: 3,
      link: 'http://localhost:3000/applications/1',
    });
    const bare = renderTemplate(key, {});
    for (const text of [full.title, full.body, bare.title, bare.body]) {
      expect(text).not.toMatch(/undefined|null|\$\{|NaN/);
      expect(text).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('names the certificate number in the award notices', () => {
    for (const key of ['awarded', 'nominated'] as const) {
      expect(renderTemplate(key, { organizationName: '重庆渝中精工机械有限公司', certificateNumber: '2026DMQ-500103-J001' }).body).toContain('证书编号：2026DMQ-500103-J001');
      expect(renderTemplate(key, {}).body).not.toContain('证书编号');
    }
  });
});
