import { describe, expect, it } from '@jest/globals';
import { addIsoDuration, parseIsoDuration } from './iso-duration';

describe('ISO 8601 durations', () => {
  it('parses the forms cycles use', () => {
    expect(parseIsoDuration('P7D')).toMatchObject({ days: 7 });
    expect(parseIsoDuration('PT30S')).toMatchObject({ seconds: 30 });
    expect(parseIsoDuration('P3Y')).toMatchObject({ years: 3 });
    expect(parseIsoDuration('P1DT12H')).toMatchObject({ days: 1, hours: 12 });
    for (const bad of ['7D', 'P', 'PT', '15 days', 'P-1D']) expect(parseIsoDuration(bad)).toBeNull();
  });

  it('adds calendar years and months, clamping to the month end', () => {
    expect(addIsoDuration(new Date('2024-02-29T04:00:00Z'), 'P3Y').toISOString()).toBe('2027-02-28T04:00:00.000Z');
    expect(addIsoDuration(new Date('2026-01-31T00:00:00Z'), 'P1M').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addIsoDuration(new Date('2026-05-01T00:00:00Z'), 'PT1.5S').toISOString()).toBe('2026-05-01T00:00:01.500Z');
  });
});
