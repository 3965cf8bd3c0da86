import { SqlRunner, sqlRows } from '@awardflow/platform';

/**
 * The offices an admin of these offices manages: they themselves and every office below them. The
 * city's admin manages its 区县; a district's admin manages its district alone.
 */
export const MANAGED_OFFICES_CTE = `
  managed AS (
    SELECT id FROM offices WHERE id = ANY($1::uuid[])
    UNION
    SELECT o.id FROM offices o JOIN managed m ON o.parent_id = m.id
  )`;

/** Whether an admin of `adminOfficeIds` manages `officeId` (it or an office above it is theirs). */
export async function managesOffice(runner: SqlRunner, adminOfficeIds: readonly string[], officeId: string): Promise<boolean> {
  if (!adminOfficeIds.length) return false;
  const rows = await sqlRows<{ id: string }>(runner, `WITH RECURSIVE ${MANAGED_OFFICES_CTE} SELECT id FROM managed WHERE id = $2`, [[...adminOfficeIds], officeId]);
  return rows.length > 0;
}

/** Which of `officeIds` an admin of `adminOfficeIds` manages: one statement for any number of offices. */
export async function managedAmong(runner: SqlRunner, adminOfficeIds: readonly string[], officeIds: readonly string[]): Promise<Set<string>> {
  if (!adminOfficeIds.length || !officeIds.length) return new Set();
  const rows = await sqlRows<{ id: string }>(runner, `WITH RECURSIVE ${MANAGED_OFFICES_CTE} SELECT id FROM managed WHERE id = ANY($2::uuid[])`, [[...adminOfficeIds], [...officeIds]]);
  return new Set(rows.map((r) => r.id));
}

/** Whether any of these offices is a top office (no office above it): only its admins create top offices. */
export async function includesTopOffice(runner: SqlRunner, officeIds: readonly string[]): Promise<boolean> {
  if (!officeIds.length) return false;
  const rows = await sqlRows<{ id: string }>(runner, `SELECT id FROM offices WHERE id = ANY($1::uuid[]) AND parent_id IS NULL LIMIT 1`, [[...officeIds]]);
  return rows.length > 0;
}
