import { FieldError } from '@awardflow/platform';
import { Rubric, rubricItems } from './rubric.types';

export interface ScoreInput {
  criterion: string;
  score: number;
}

/**
 * Every rubric item scored exactly once, 0 to its maximum, at most one decimal. Returns every
 * problem (empty when valid), each naming the item: `items[4.1.2]: ...`. A score above the item's
 * maximum is refused, never clamped. `partial` (a draft) lets items be missing.
 */
export function validateScores(rubric: Rubric, items: ScoreInput[], options: { partial?: boolean } = {}): FieldError[] {
  const errors: FieldError[] = [];
  const byCriterion = new Map(rubricItems(rubric).map((i) => [i.criterion, i]));
  const seen = new Set<string>();
  for (const { criterion, score } of items) {
    const item = byCriterion.get(criterion);
    const field = `items[${criterion}]`;
    if (!item) {
      errors.push({ field, messages: [`${criterion} 不是${rubric.label}中的评分项`] });
      continue;
    }
    if (seen.has(criterion)) errors.push({ field, messages: [`${criterion} 重复评分`] });
    seen.add(criterion);
    const problems: string[] = [];
    if (typeof score !== 'number' || !Number.isFinite(score)) problems.push('分数须为数字');
    else {
      if (score < 0) problems.push('分数不能为负数');
      if (score > item.max) problems.push(`不能超过该项满分 ${item.max} 分（${item.label}）`);
      if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-6) problems.push('分数最多保留一位小数');
    }
    if (problems.length) errors.push({ field, messages: problems });
  }
  // A draft may leave items unscored; a submitted score may not.
  if (!options.partial) for (const item of byCriterion.values()) {
    if (!seen.has(item.criterion)) errors.push({ field: `items[${item.criterion}]`, messages: [`${item.criterion} ${item.label} 尚未评分`] });
  }
  return errors;
}

export function totalScore(items: ScoreInput[]): number {
  return Math.round(items.reduce((sum, i) => sum + i.score, 0) * 10) / 10;
}

export interface CategoryFeedbackInput {
  category: string;
  strengths?: string;
  opportunities?: string;
}

/** 优势 / 改进机会 texts longest allowed per category. */
export const FEEDBACK_MAX_LENGTH = 5000;

/**
 * Per-category 优势 and 改进机会 (the basis of the feedback report): each category of the rubric at
 * most once, texts at most FEEDBACK_MAX_LENGTH characters. Fields named `categories[4.1].strengths`.
 */
export function validateFeedback(rubric: Rubric, categories: CategoryFeedbackInput[]): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Map(rubric.categories.map((c) => [c.code, c]));
  const seen = new Set<string>();
  for (const f of categories) {
    const field = `categories[${f.category}]`;
    const category = known.get(f.category);
    if (!category) {
      errors.push({ field, messages: [`${f.category} 不是${rubric.label}中的评分类目`] });
      continue;
    }
    if (seen.has(f.category)) errors.push({ field, messages: [`${f.category} ${category.label} 重复填写`] });
    seen.add(f.category);
    for (const key of ['strengths', 'opportunities'] as const) {
      const text = f[key];
      if (text !== undefined && (typeof text !== 'string' || text.length > FEEDBACK_MAX_LENGTH)) {
        errors.push({ field: `${field}.${key}`, messages: [`${category.label}的${key === 'strengths' ? '优势' : '改进机会'}不能超过 ${FEEDBACK_MAX_LENGTH} 字`] });
      }
    }
  }
  return errors;
}
