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

  it('never announces a nomination as the award: 推荐参评 at 审定, 荣获 only when conferred above', () => {
    const base = { organizationName: '重庆建工第三建设有限责任公司', cycleTitle: '2026年度鲁班奖推荐', recommendedTo: '中国建筑业协会' };
    const selected = renderTemplate('awarded', { ...base, outcomeKind: 'nomination', outcome: '推荐参评2026年度鲁班奖', outcomeTitle: '推荐结果通知' });
    expect(selected.title).toBe('推荐结果通知：2026年度鲁班奖推荐');
    expect(selected.body).toContain('已入选，推荐参评2026年度鲁班奖，将报送中国建筑业协会评定');
    expect(`${selected.title}${selected.body}`).not.toMatch(/荣获|获奖/);
    const conferred = renderTemplate('outside_awarded', { ...base, outcome: '荣获2026年度鲁班奖', documentNumber: '建协〔2026〕18号', decidedOn: '2026-11-20' });
    expect(conferred.body).toContain('贵单位荣获2026年度鲁班奖（建协〔2026〕18号，2026-11-20）');
    expect(renderTemplate('awarded', { ...base, outcomeKind: 'recognition', outcome: '被认定为重庆名牌产品' }).body).toContain('贵单位被认定为重庆名牌产品');
  });
});
