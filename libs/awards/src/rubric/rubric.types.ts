export interface RubricItem {
  /** Criterion code, e.g. `4.1.2`. */
  criterion: string;
  label: string;
  max: number;
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
}

export function rubricItems(rubric: Rubric): RubricItem[] {
  return rubric.categories.flatMap((c) => c.items);
}
