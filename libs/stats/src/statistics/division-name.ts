import type { ManagedOffice } from '@awardflow/identity';

/** A division by its office's name (重庆市万州区市场监督管理局 → 万州区), or its code when no office in scope has it. */
export function divisionName(code: string, offices: ManagedOffice[]): string {
  const office = offices.find((o) => o.regionCode === code);
  if (!office) return code;
  return office.name.replace(/^重庆市/, '').replace(/市场监督管理局$/, '') || office.name;
}
