import { SqlRunner, sqlRows } from '@awardflow/platform';
import { MANAGED_OFFICES_CTE } from './office-tree';

/** An office as a report names it. */
export interface ManagedOffice {
  id: string;
  name: string;
  regionCode: string;
  parentId: string | null;
}

/**
 * The offices an admin of `adminOfficeIds` manages (they and every office below them), by division
 * code: what a report over "an office and its children" counts in, in one statement.
 */
export async function managedOffices(runner: SqlRunner, adminOfficeIds: readonly string[]): Promise<ManagedOffice[]> {
  if (!adminOfficeIds.length) return [];
  return sqlRows<ManagedOffice>(
    runner,
    `WITH RECURSIVE ${MANAGED_OFFICES_CTE}
     SELECT o.id, o.name, o.region_code AS "regionCode", o.parent_id AS "parentId" FROM offices o JOIN managed m ON m.id = o.id ORDER BY o.region_code, o.name`,
    [[...adminOfficeIds]],
  );
}
