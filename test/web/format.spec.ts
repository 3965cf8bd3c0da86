import { afterAll, describe, expect, it } from '@jest/globals';
import { formatDate, formatTime } from '../../apps/web/src/lib/format';

// The console's times are the offices' times: Beijing, whatever zone the reader's computer is set to.
describe('console time format', () => {
  const zone = process.env.TZ;
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each(['America/New_York', 'Europe/London', 'Asia/Shanghai', 'Pacific/Kiritimati'])('shows an instant as Beijing time, marked, on a computer in %s', (tz) => {
    process.env.TZ = tz;
    expect(formatTime('2026-05-31T15:59:00Z')).toBe('2026-05-31 23:59 北京时间');
    expect(formatTime('2026-05-31T16:00:00Z')).toBe('2026-06-01 00:00 北京时间');
    expect(formatDate('2026-05-31T16:00:00Z')).toBe('2026-06-01');
    // A date is a Beijing date already: taken as it is.
    expect(formatDate('2026-05-31')).toBe('2026-05-31');
    expect(formatTime(null)).toBe('—');
  });
});
