import type { GuidanceKind, RubricGuidance } from './guidance';

export interface RubricItem {
  /** Criterion code, e.g. `4.1.2`. */
  criterion: string;
  label: string;
  max: number;
  /** Which GB/Z 19579 scoring guide applies (process: ADLI, results: LeTCI); absent where the rubric has no guide. */
  guidance?: GuidanceKind;
}

export interface RubricCategory {
  code: string;
  label: string;
  max: number;
  items: RubricItem[];
}

export interface Rubric {
  code: string;
  label: string;
  total: number;
  categories: RubricCategory[];
  /** The scoring bands and dimensions the items' `guidance` refers to. */
  guidance?: RubricGuidance;
}

export function rubricItems(rubric: Rubric): RubricItem[] {
  return rubric.categories.flatMap((c) => c.items);
}
