import type { components } from '../../api/schema';
import type { ReviewerApplicationView, RubricItem } from '../../api/types';

/** GB/Z 19579-2012 scoring guidance as the API serves it with GB/T 19580 (rubric.guidance). */
export type GuidanceDimension = components['schemas']['GuidanceDimensionDto'];
export type ScoringBand = components['schemas']['ScoringBandDto'];
export type ScoringGuide = components['schemas']['ScoringGuideDto'];
export type RubricGuidance = components['schemas']['RubricGuidanceDto'];
export type GuidedItem = RubricItem & { guidance?: 'process' | 'results' };
export interface CategoryFeedback {
  category: string;
  strengths?: string;
  opportunities?: string;
}
export interface DraftContent {
  items: Array<{ criterion: string; score?: number; band?: number }>;
  comment?: string;
  categories?: CategoryFeedback[];
}
export interface ScoreDraft {
  draft: DraftContent | null;
  updatedAt: string | null;
  open: boolean;
}

/** The reviewer's view with what the score sheet adds (until schema.ts is regenerated). */
export type AssignmentView = Omit<ReviewerApplicationView, 'rubric' | 'myScore'> & {
  rubric: Omit<ReviewerApplicationView['rubric'], 'categories'> & {
    categories: Array<Omit<ReviewerApplicationView['rubric']['categories'][number], 'items'> & { items: GuidedItem[] }>;
    guidance?: RubricGuidance;
  };
  myScore: (NonNullable<ReviewerApplicationView['myScore']> & { categories?: CategoryFeedback[] }) | null;
  scoringOpen: boolean;
};

/** Points of a band for an item of the given maximum, one decimal (as the server's bandRange). */
export function bandRange(max: number, band: Pick<ScoringBand, 'from' | 'to'>): [number, number] {
  const r = (v: number) => Math.round(v * 10) / 10;
  return [r(Math.round(max * band.from) / 100), r(Math.round(max * band.to) / 100)];
}

/**
 * Why a score cannot stand, in the server's words where the server checks it too (over the maximum,
 * negative, more than one decimal), or outside the band picked; null when it can.
 */
export function scoreProblem(item: RubricItem, score: unknown, band?: ScoringBand): string | null {
  if (score === null || score === undefined || score === '') return null;
  if (typeof score !== 'number' || !Number.isFinite(score)) return '分数须为数字';
  if (score < 0) return '分数不能为负数';
  if (score > item.max) return `不能超过该项满分 ${item.max} 分（${item.label}）`;
  if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-6) return '分数最多保留一位小数';
  if (band) {
    const [lo, hi] = bandRange(item.max, band);
    if (score < lo - 1e-9 || score > hi + 1e-9) return `不在所选档位 ${band.label}（${lo}–${hi} 分）内`;
  }
  return null;
}
