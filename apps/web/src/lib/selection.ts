import { useCallback, useState } from 'react';
import type { Key } from 'react';

/**
 * Rows ticked in a table paged by the server, kept across pages: antd hands back only the rows of the
 * page on screen, so a row ticked on another page is the one remembered when it was ticked.
 */
export function useCrossPageSelection<T>(keyOf: (row: T) => string) {
  const [selected, setSelected] = useState<T[]>([]);
  const rowSelection = {
    selectedRowKeys: selected.map(keyOf),
    preserveSelectedRowKeys: true,
    onChange: (keys: Key[], rows: T[]) =>
      setSelected((prev) => keys.map((k) => rows.find((r) => r && keyOf(r) === k) ?? prev.find((p) => keyOf(p) === k)).filter((r): r is T => !!r)),
  };
  const clear = useCallback(() => setSelected([]), []);
  return { selected, rowSelection, clear };
}
