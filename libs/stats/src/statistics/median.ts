/** The median of lengths given with their counts (rows in any order), interpolated as percentile_cont(0.5) does. */
export function median(rows: Array<{ days: number; stays: number }>): number | null {
  const sorted = [...rows].sort((a, b) => a.days - b.days);
  const n = sorted.reduce((sum, r) => sum + r.stays, 0);
  if (!n) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const r of sorted) {
      seen += r.stays;
      if (index < seen) return r.days;
    }
    return sorted[sorted.length - 1].days;
  };
  const position = (n - 1) / 2;
  const low = at(Math.floor(position));
  const high = at(Math.ceil(position));
  return round(low + (high - low) * (position - Math.floor(position)), 2);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
