import { describe, expect, it } from '@jest/globals';
import { getAward } from './award-catalog';
import { outcomeWording, stateLabelFor } from './outcome-wording';

describe('outcome wording: a nomination is never announced as the award', () => {
  it('鲁班奖: 推荐参评 after the local stages, 荣获 once conferred above', () => {
    expect(outcomeWording(getAward('luban-award'), 2026)).toEqual({
      kind: 'nomination',
      local: '推荐参评2026年度鲁班奖',
      localTitle: '推荐结果通知',
      conferred: '荣获2026年度鲁班奖',
      notConferred: '未获评2026年度鲁班奖',
    });
  });

  it('中国质量奖 and 中华老字号 are chains too; a brand is recognised, a quality award won', () => {
    expect(outcomeWording(getAward('china-quality-award'), 2026)).toMatchObject({ local: '推荐参评中国质量奖', conferred: '荣获中国质量奖' });
    expect(outcomeWording(getAward('china-time-honored-brand'), 2026)).toMatchObject({ local: '推荐申报中华老字号', conferred: '被认定为中华老字号' });
    expect(outcomeWording(getAward('cq-famous-brand-product'), 2026)).toEqual({ kind: 'recognition', local: '被认定为重庆名牌产品', localTitle: '认定通知' });
    expect(outcomeWording(getAward('city-quality-award'), 2026)).toEqual({ kind: 'award', local: '荣获2026年度市长质量管理奖', localTitle: '获奖通知' });
  });

  it('中国质量奖 admits individuals and carries its rule of 近5年无重大事故', () => {
    const award = getAward('china-quality-award');
    expect(award.individualNominees).toBe(true);
    expect(award.defaultEligibility).toContainEqual({ rule: 'no_major_accident_within_years', params: { years: 5 } });
  });

  it('中国质量奖 runs on the quality workflow but its local selection is not labelled 已获奖', () => {
    expect(stateLabelFor(getAward('china-quality-award'), 'awarded', '已获奖')).toBe('已入选推荐');
    expect(stateLabelFor(getAward('city-quality-award'), 'awarded', '已获奖')).toBe('已获奖');
    expect(stateLabelFor(getAward('china-time-honored-brand'), 'recognised', '已认定')).toBe('已入选推荐');
    expect(stateLabelFor(getAward('cq-time-honored-brand'), 'recognised', '已认定')).toBe('已认定');
  });
});
