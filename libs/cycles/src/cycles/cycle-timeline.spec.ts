import { describe, expect, it } from '@jest/globals';
import { SHIPPED_YEARS, WorkCalendar } from '@awardflow/calendar';
import { parseBeijingInstant } from './beijing-time';
import { dayDuration } from './cycle-durations';
import { CycleTimeline, periodEnd, planCycleTimeline, TimelineInput } from './cycle-timeline';

// The real State Council calendars: 2024–2026 as shipped.
const calendar = new WorkCalendar(SHIPPED_YEARS);

const brandPlan = { defense: false, onsiteReview: false, publicityBeforePanel: false, expertReview: true };
const input = (over: Partial<TimelineInput> = {}): TimelineInput => ({
  family: 'brand',
  stagePlan: brandPlan,
  applicationOpensAt: parseBeijingInstant('2025-06-01', 'start'),
  applicationClosesAt: parseBeijingInstant('2025-08-15', 'end'),
  durations: { supplement: 'P15D', reviewDue: 'P14D', publicity: 'P5WD' },
  ...over,
});
const dates = (t: CycleTimeline) => Object.fromEntries(t.items.map((i) => [i.key, i.date]));

describe('planCycleTimeline', () => {
  it('a 公示 of 5 working days starting 2025-09-29 ends on 2025-10-13 at 24:00 Beijing, across 国庆·中秋 and its 调休 Saturday', () => {
    // Closes 8-15; 补正 15 日 → 8-30; 专家评审 29 日 → Sunday 9-28, itself a 调休 working day; 公示 from the next one, Monday 9-29.
    const t = planCycleTimeline(input({ durations: { supplement: 'P15D', reviewDue: 'P29D', publicity: 'P5WD' } }), calendar);
    expect(dates(t)).toEqual({
      applicationOpens: '2025-06-01',
      applicationCloses: '2025-08-15',
      supplementDue: '2025-08-30',
      reviewDue: '2025-09-28',
      publicityStarts: '2025-09-29',
      publicityEnds: '2025-10-13',
      approval: '2025-10-14',
    });
    const ends = t.items.find((i) => i.key === 'publicityEnds')!;
    expect(ends.plannedAt!.toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(ends.basis).toBe('公示开始次日起算 5 个工作日，至最后一日 24:00（北京时间）');
    expect(t.items.find((i) => i.key === 'publicityStarts')!.plannedAt!.toISOString()).toBe('2025-09-28T16:00:00.000Z');
    expect(t.items.find((i) => i.key === 'supplementDue')!.basis).toContain('申报截止后 15 日');
    expect(t.warnings).toEqual([]);
    expect(t.missing).toEqual([]);
  });

  it('counts the 补正 limit and the review in working days when the cycle says so, skipping 春节 2026', () => {
    const t = planCycleTimeline(
      input({ applicationOpensAt: parseBeijingInstant('2026-01-05', 'start'), applicationClosesAt: parseBeijingInstant('2026-02-10', 'end'), durations: { supplement: dayDuration(5, 'working'), reviewDue: dayDuration(10, 'working'), publicity: dayDuration(7, 'calendar') } }),
      calendar,
    );
    // 2026 春节: 2-15…2-23 off, 2-14 (Sat) and 2-28 (Sat) worked. From 2-10: 2-11, 2-12, 2-13, 2-14 (调休), 2-24.
    expect(dates(t).supplementDue).toBe('2026-02-24');
    // From 2-24: 2-25, 2-26, 2-27, 2-28 (调休), 3-2, 3-3, 3-4, 3-5, 3-6, 3-9.
    expect(dates(t).reviewDue).toBe('2026-03-09');
    expect(dates(t).publicityStarts).toBe('2026-03-10');
    // 7 calendar days from the day after the start: 3-11 … 3-17.
    expect(dates(t).publicityEnds).toBe('2026-03-17');
    expect(dates(t).approval).toBe('2026-03-18');
    expect(t.items.find((i) => i.key === 'reviewDue')!.basis).toContain('补正期限后 10 个工作日');
  });

  it('starts 公示 on the first working day after a review due inside 国庆 2026', () => {
    // Closes 2026-09-15; 补正 15 日 → 9-30; the quality plan's 资料评审 1 日 → 10-01, in 国庆 (10-1…10-7 off, 10-10 Sat worked).
    const t = planCycleTimeline(
      input({ family: 'quality', stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true, expertReview: true }, applicationOpensAt: parseBeijingInstant('2026-07-01', 'start'), applicationClosesAt: parseBeijingInstant('2026-09-15', 'end'), durations: { supplement: 'P15D', reviewDue: 'P1D', publicity: 'P7D' } }),
      calendar,
    );
    expect(dates(t).reviewDue).toBe('2026-10-01');
    expect(dates(t).publicityStarts).toBe('2026-10-08');
    expect(t.items.map((i) => i.key)).toEqual(['applicationOpens', 'applicationCloses', 'supplementDue', 'reviewDue', 'publicityStarts', 'publicityEnds', 'panel', 'approval']);
    expect(t.items.find((i) => i.key === 'reviewDue')!.label).toBe('资料评审截止');
  });

  it('lists only the stages of the plan, the office-set ones undated with the assumption said', () => {
    const t = planCycleTimeline(input({ family: 'quality', stagePlan: { defense: true, onsiteReview: true, publicityBeforePanel: false, expertReview: true } }), calendar);
    expect(t.items.map((i) => i.key)).toEqual(['applicationOpens', 'applicationCloses', 'supplementDue', 'reviewDue', 'defense', 'onsiteReview', 'panel', 'publicityStarts', 'publicityEnds', 'approval']);
    expect(t.items.filter((i) => i.date === null).map((i) => i.key)).toEqual(['defense', 'onsiteReview', 'panel']);
    expect(t.items.find((i) => i.key === 'publicityStarts')!.basis).toContain('假定企业答辩、现场评审、评审委员会审议不占用时间');
    expect(t.warnings[0]).toContain('企业答辩、现场评审、评审委员会审议的日期由办公室安排');

    const engineering = planCycleTimeline(input({ family: 'engineering', stagePlan: { defense: false, onsiteReview: true, publicityBeforePanel: false, expertReview: false } }), calendar);
    expect(engineering.items.map((i) => i.label)).toEqual(['申报开始', '申报截止', '补正期限', '现场复查', '评审委员会表决', '公示开始', '公示结束', '审定']);
    // No expert review: 公示 follows the 补正 limit (2025-08-30, a Saturday) on Monday 9-1.
    expect(dates(engineering).publicityStarts).toBe('2025-09-01');

    const brandWithoutExperts = planCycleTimeline(input({ stagePlan: { ...brandPlan, expertReview: false } }), calendar);
    expect(brandWithoutExperts.items.map((i) => i.key)).toEqual(['applicationOpens', 'applicationCloses', 'supplementDue', 'publicityStarts', 'publicityEnds', 'approval']);
    expect(brandWithoutExperts.warnings).toEqual([]);
  });

  it('places 综合评选 after 现场评审 and 政府审批 between the committee and 公示 (the 8th 市长质量管理奖), and reads an older plan', () => {
    const t = planCycleTimeline(input({ family: 'quality', stagePlan: { defense: true, onsiteReview: true, comprehensiveSelection: true, publicity: 'after_approval', expertReview: true } }), calendar);
    expect(t.items.map((i) => i.key)).toEqual([
      'applicationOpens', 'applicationCloses', 'supplementDue', 'reviewDue', 'defense', 'onsiteReview', 'comprehensiveSelection', 'panel', 'governmentApproval', 'publicityStarts', 'publicityEnds', 'approval',
    ]);
    expect(t.items.find((i) => i.key === 'governmentApproval')!.label).toBe('政府审批');
    expect(t.warnings[0]).toContain('综合评选、评审委员会审议、政府审批的日期由办公室安排');
    // `publicity` and the older `publicityBeforePanel` say the same.
    const older = planCycleTimeline(input({ family: 'quality', stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true, expertReview: true } }), calendar);
    const newer = planCycleTimeline(input({ family: 'quality', stagePlan: { defense: false, onsiteReview: false, publicity: 'before_panel', expertReview: true } }), calendar);
    expect(newer).toEqual(older);
    const brand = planCycleTimeline(input({ stagePlan: { ...brandPlan, onsiteReview: true } }), calendar);
    expect(brand.items.map((i) => i.label)).toContain('现场检查');
  });

  it('gives a warning, not a guess, for dates in a year with no calendar, and names the working-day period that needs it', () => {
    const t = planCycleTimeline(
      input({ applicationOpensAt: parseBeijingInstant('2026-10-01', 'start'), applicationClosesAt: parseBeijingInstant('2026-12-10', 'end'), durations: { supplement: 'P15D', reviewDue: 'P10WD', publicity: 'P5WD' } }),
      calendar,
    );
    // 补正 in calendar days needs no calendar: 12-25. Ten working days from there reach 2027.
    expect(dates(t).supplementDue).toBe('2026-12-25');
    expect(t.items.filter((i) => i.date === null).map((i) => i.key)).toEqual(['reviewDue', 'publicityStarts', 'publicityEnds', 'approval']);
    expect(t.missing).toEqual([{ duration: 'reviewDue', year: 2027 }]);
    expect(t.missingYears).toEqual([2027]);
    expect(t.warnings).toEqual(['专家评审截止：系统中还没有 2027 年的法定节假日和调休安排，无法计算；请待国务院办公厅公布后由管理员录入该年日历']);
    expect(t.items.find((i) => i.key === 'publicityEnds')!.basis).toContain('公示开始无法计算');
  });

  it('does not count a calendar-day period that runs into an unknown year as missing, only the working-day step after it', () => {
    const t = planCycleTimeline(input({ applicationOpensAt: parseBeijingInstant('2026-10-01', 'start'), applicationClosesAt: parseBeijingInstant('2026-12-20', 'end'), durations: { supplement: 'P15D', reviewDue: 'P14D', publicity: 'P7D' } }), calendar);
    expect(dates(t).reviewDue).toBe('2027-01-18');
    expect(dates(t).publicityStarts).toBeNull();
    expect(t.missing).toEqual([]);
    expect(t.warnings).toHaveLength(1);
  });

  it('adds test overrides (PT30S) to the instant as the workflow engine does', () => {
    const t = planCycleTimeline(input({ durations: { supplement: 'PT30S', reviewDue: 'PT1H', publicity: 'PT1S' } }), calendar);
    const supplement = t.items.find((i) => i.key === 'supplementDue')!;
    expect(supplement.plannedAt!.getTime() - parseBeijingInstant('2025-08-15', 'end').getTime()).toBe(30_000);
    expect(supplement.basis).toContain('PT30S（测试用时长）');
  });

  it('periodEnd counts from the day after the start and ends at 24:00 Beijing, in calendar or working days', () => {
    const start = { at: parseBeijingInstant('2025-09-29', 'start'), date: '2025-09-29' };
    expect(periodEnd(start, 'P5WD', calendar)).toEqual({ at: new Date('2025-10-13T16:00:00.000Z'), date: '2025-10-13' });
    expect(periodEnd(start, 'P7D', calendar)).toEqual({ at: new Date('2025-10-06T16:00:00.000Z'), date: '2025-10-06' });
    expect(() => periodEnd({ at: parseBeijingInstant('2026-12-28', 'start'), date: '2026-12-28' }, 'P5WD', calendar)).toThrow('2027');
  });
});
