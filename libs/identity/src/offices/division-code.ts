/**
 * GB/T 2260 行政区划代码: two digits of province, two of prefecture, two of county. Only the shape
 * and the province are checked here: the full list changes every year (民政部 publishes it), and an
 * office is created by an admin who knows its code, so a typo in the province is what to catch.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function isDivisionCode(code: unknown): code is string {
  return typeof code === 'string' && /^\d{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}

/**
 * The digits a division shares with every division inside it: 500000 (a province-level city) → 50,
 * 500100 → 5001, 500101 → 500101 itself (a county has nothing below it in GB/T 2260).
 */
export function divisionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `inner` lies inside `outer` (and is not `outer` itself). */
export function isInsideDivision(inner: string, outer: string): boolean {
  return inner !== outer && inner.startsWith(divisionPrefix(outer));
}
