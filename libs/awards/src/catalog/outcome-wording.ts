import type { AwardDefinition } from './award.types';

/**
 * How a result is worded wherever a person reads it (notices, certificates, the application
 * page): a nomination is never announced as the award. 鲁班奖 after the local stages is
 * "推荐参评2026年度鲁班奖"; "荣获" only once the body above has conferred it and the office has
 * recorded that; a brand recognition "被认定为重庆名牌产品".
 */
export interface OutcomeWording {
  /** What the local 审定 means: award, recognition, or selection for the body above. */
  kind: 'award' | 'recognition' | 'nomination';
  /** The local outcome as a predicate of the organisation: 荣获…, 被认定为…, 推荐参评…. */
  local: string;
  /** The notice's title for the local outcome (获奖通知, 认定通知, 推荐结果通知). */
  localTitle: string;
  /** Where there is a chain above: the result once conferred there (荣获2026年度鲁班奖). */
  conferred?: string;
  /** …and when it was not (未获评2026年度鲁班奖). */
  notConferred?: string;
}

export function outcomeWording(award: Pick<AwardDefinition, 'name' | 'family' | 'outsideChain'>, year: number): OutcomeWording {
  const chain = award.outsideChain;
  if (chain) {
    const title = chain.yearly ? `${year}年度${chain.awardName}` : chain.awardName;
    const recommend = chain.conferredAs === '被认定为' ? '推荐申报' : '推荐参评';
    return {
      kind: 'nomination',
      local: `${recommend}${title}`,
      localTitle: '推荐结果通知',
      conferred: `${chain.conferredAs}${title}`,
      notConferred: chain.conferredAs === '被认定为' ? `未被认定为${title}` : `未获评${title}`,
    };
  }
  if (award.family === 'brand') return { kind: 'recognition', local: `被认定为${award.name}`, localTitle: '认定通知' };
  return { kind: 'award', local: `荣获${year}年度${award.name}`, localTitle: '获奖通知' };
}

/**
 * A state's label as the award words it. The families' labels are shared by their awards; an
 * award decided above the office (中国质量奖 runs on the quality awards' workflow, 中华老字号 on the
 * brands') does not say 已获奖 or 已认定 of a local selection.
 */
export function stateLabelFor(award: Pick<AwardDefinition, 'outsideChain'> | undefined, state: string, label: string): string {
  if (!award?.outsideChain) return label;
  if (state === 'awarded' || state === 'recognised' || state === 'nominated') return '已入选推荐';
  if (state === 'not_selected') return '未入选推荐';
  return label;
}
