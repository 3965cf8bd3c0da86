import type { Cycle, DayUnit, DayUnits } from './cycle.entity';

export type { DayUnit, DayUnits } from './cycle.entity';
export const DAY_UNITS: readonly DayUnit[] = ['calendar', 'working'];

/** The cycle's periods as durations: `P7D` calendar days, `P5WD` working days, or a test override (`PT30S`). */
export interface CycleDurations {
  supplement: string;
  reviewDue: string;
  publicity: string;
}

/** A period in days as its duration: `P7D`, or `P5WD` when counted in working days. */
export function dayDuration(days: number, unit: DayUnit | undefined): string {
  return unit === 'working' ? `P${days}WD` : `P${days}D`;
}

/** The day unit of each period; calendar days unless the cycle says otherwise. */
export function dayUnitsOf(cycle: Pick<Cycle, 'durationOverrides'>): Required<DayUnits> {
  const units = cycle.durationOverrides?.dayUnits ?? {};
  return { publicity: units.publicity ?? 'calendar', supplement: units.supplement ?? 'calendar', reviewDue: units.reviewDue ?? 'calendar' };
}

/** What the workflow timers and the plan preview count: a test override where one is set, else the days in their unit. */
export function cycleDurations(cycle: Pick<Cycle, 'durationOverrides' | 'publicityDays' | 'supplementDays' | 'reviewDueDays'>): CycleDurations {
  const o = cycle.durationOverrides ?? {};
  const units = dayUnitsOf(cycle);
  return {
    supplement: o.supplement ?? dayDuration(cycle.supplementDays, units.supplement),
    publicity: o.publicity ?? dayDuration(cycle.publicityDays, units.publicity),
    reviewDue: o.reviewDue ?? dayDuration(cycle.reviewDueDays, units.reviewDue),
  };
}
