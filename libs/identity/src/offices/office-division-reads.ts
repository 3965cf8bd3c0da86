import { SqlRunner, sqlRows } from '@awardflow/platform';

/** An office's GB/T 2260 division code (what a cycle of it admits), null for an unknown office. */
export async function officeDivision(runner: SqlRunner, officeId: string): Promise<string | null> {
  const [row] = await sqlRows<{ regionCode: string }>(runner, `SELECT region_code AS "regionCode" FROM offices WHERE id = $1`, [officeId]);
  return row?.regionCode ?? null;
}
