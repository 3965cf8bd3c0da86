/**
 * Ascending with missing values last, as SQL's ASC NULLS LAST, for lists combined in memory from
 * several contexts' reads (receipt numbers are ASCII: code-unit order is the database's order).
 */
export function ascendingNullsLast<T extends string | number>(x: T | null | undefined, y: T | null | undefined): number {
  if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}
