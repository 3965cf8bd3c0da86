import { Family, StagePlan, upgradeStagePlan } from '@awardflow/awards';
import { addDays, beijingDate, endOfBeijingDay, WorkCalendar } from '@awardflow/calendar';
import { DomainError, ErrorCode } from '@awardflow/platform';
import { addIsoDuration } from '@awardflow/workflow';
import { CycleDurations } from './cycle-durations';

export type TimelineKey =
  | 'applicationOpens'
  | 'applicationCloses'
  | 'supplementDue'
  | 'reviewDue'
  | 'defense'
  | 'onsiteReview'
  | 'comprehensiveSelection'
  | 'panel'
  | 'governmentApproval'
  | 'publicityStarts'
  | 'publicityEnds'
  | 'approval';

export interface TimelineItem {
  key: TimelineKey;
  label: string;
  /** The planned instant; null when the office sets it (答辩, 现场评审, 审议) or the calendar lacks a year. */
  plannedAt: Date | null;
  /** Its Beijing date, YYYY-MM-DD (for a 24:00 end, the day that ends). */
  date: string | null;
  /** How it was computed, for people. */
  basis: string;
}

/** A working-day period that reaches into a year with no holiday calendar: refused when a cycle is saved. */
export interface MissingCalendarYear {
  duration: keyof CycleDurations;
  year: number;
}

export interface CycleTimeline {
  items: TimelineItem[];
  warnings: string[];
  missing: MissingCalendarYear[];
  /** Every year a date needed and the calendar lacks. */
  missingYears: number[];
}

export interface TimelineInput {
  family: Family;
  /** The cycle's plan (a plan saved before v3 may say only `publicityBeforePanel`). */
  stagePlan: StagePlan;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  durations: CycleDurations;
}

export interface PlannedPoint {
  at: Date;
  date: string;
}
type Point = PlannedPoint;

const WHOLE_DAYS = /^P([1-9]\d*)D$/;
const WORKING_DAYS = /^P([1-9]\d*)WD$/;

/** `P7D` → "7 日", `P5WD` → "5 个工作日"; anything else (a test override) as written. */
export function describeDuration(duration: string): string {
  const wd = WORKING_DAYS.exec(duration);
  if (wd) return `${wd[1]} 个工作日`;
  const d = WHOLE_DAYS.exec(duration);
  if (d) return `${d[1]} 日`;
  return `${duration}（测试用时长）`;
}

/** The Beijing date a period ending at `at` ends on: 24:00 is the end of the day before. */
function endDate(at: Date): string {
  return beijingDate(new Date(at.getTime() - 1));
}

/**
 * A period counted in days from `from`'s date: the start day is not counted (民法典 第二百零一条),
 * and the last day ends at 24:00 Beijing time. Durations with hours or seconds (test overrides)
 * are added to the instant as the workflow engine adds them. A 公示 starting 2025-09-29 for `P5WD`
 * ends 2025-10-13 24:00; for `P7D`, 2025-10-06 24:00.
 */
export function periodEnd(from: PlannedPoint, duration: string, calendar: WorkCalendar): PlannedPoint {
  const wd = WORKING_DAYS.exec(duration);
  if (wd) {
    const date = calendar.lastWorkingDay(from.date, Number(wd[1]));
    return { at: endOfBeijingDay(date), date };
  }
  const d = WHOLE_DAYS.exec(duration);
  if (d) {
    const date = addDays(from.date, Number(d[1]));
    return { at: endOfBeijingDay(date), date };
  }
  const at = addIsoDuration(from.at, duration, calendar);
  return { at, date: endDate(at) };
}

/** The first working day after `date`, from its 00:00 Beijing time. */
function nextWorkingDay(date: string, calendar: WorkCalendar): Point {
  const next = calendar.lastWorkingDay(date, 1);
  return { at: endOfBeijingDay(addDays(next, -1)), date: next };
}

function missingYear(error: unknown): number | null {
  if (error instanceof DomainError && error.code === ErrorCode.CalendarYearMissing) return Number((error.params as { year: number }).year);
  return null;
}

const REVIEW_LABEL: Record<Family, string> = { quality: '资料评审截止', engineering: '专家评审截止', brand: '专家评审截止' };
const ONSITE_LABEL: Record<Family, string> = { quality: '现场评审', engineering: '现场复查', brand: '现场检查' };
const PANEL_LABEL: Record<Family, string> = { quality: '评审委员会审议', engineering: '评审委员会表决', brand: '评审委员会审议' };

/**
 * The planned date of every stage of a cycle's plan, from its window and durations with the holiday
 * calendar. A pure function of its input. Where the plan leaves a date to the office (答辩, 现场评审,
 * the committee) the item has none and the later dates assume it takes no time, so they are the
 * earliest possible. A date that needs a year the calendar lacks is left out with a warning, and so
 * are the dates that follow from it; nothing is guessed.
 */
export function planCycleTimeline(input: TimelineInput, calendar: WorkCalendar): CycleTimeline {
  const { family, stagePlan: plan, durations } = input;
  const items: TimelineItem[] = [];
  const warnings: string[] = [];
  const missing: MissingCalendarYear[] = [];
  const missingYears = new Set<number>();

  const point = (key: TimelineKey, label: string, p: Point | null, basis: string): Point | null => {
    items.push({ key, label, plannedAt: p?.at ?? null, date: p?.date ?? null, basis });
    return p;
  };
  /** Computes one dated item from the one before it; null (with a warning) when it cannot be computed. */
  const step = (key: TimelineKey, label: string, from: Point | null, fromLabel: string, basis: string, compute: (p: Point) => Point, duration?: keyof CycleDurations): Point | null => {
    if (!from) return point(key, label, null, `${basis}；${fromLabel}无法计算，本项也无法计算`);
    try {
      return point(key, label, compute(from), basis);
    } catch (error) {
      const year = missingYear(error);
      if (year === null) throw error;
      missingYears.add(year);
      if (duration && WORKING_DAYS.test(durations[duration])) missing.push({ duration, year });
      warnings.push(`${label}：系统中还没有 ${year} 年的法定节假日和调休安排，无法计算；请待国务院办公厅公布后由管理员录入该年日历`);
      return point(key, label, null, `${basis}（缺少 ${year} 年日历，无法计算）`);
    }
  };

  point('applicationOpens', '申报开始', { at: input.applicationOpensAt, date: beijingDate(input.applicationOpensAt) }, '周期设置的申报开始时间');
  const closes = point('applicationCloses', '申报截止', { at: input.applicationClosesAt, date: endDate(input.applicationClosesAt) }, '周期设置的申报截止时间');

  const supplement = describeDuration(durations.supplement);
  const supplementDue = step('supplementDue', '补正期限', closes, '申报截止', `申报截止后 ${supplement}（按最晚情形：申报截止时即通知补正）`, (p) => periodEnd(p, durations.supplement, calendar), 'supplement');

  let last = supplementDue;
  let lastLabel = '补正期限';
  if (plan.expertReview) {
    const reviewLabel = REVIEW_LABEL[family];
    last = step('reviewDue', reviewLabel, supplementDue, '补正期限', `补正期限后 ${describeDuration(durations.reviewDue)}（假定补正期满、形式审查完成即分配评审专家）`, (p) => periodEnd(p, durations.reviewDue, calendar), 'reviewDue');
    lastLabel = reviewLabel;
  }

  const officeSets: string[] = [];
  if (plan.defense) {
    point('defense', '企业答辩', null, '日期由办公室另行安排');
    officeSets.push('企业答辩');
  }
  if (plan.onsiteReview) {
    point('onsiteReview', ONSITE_LABEL[family], null, '日期由办公室另行安排');
    officeSets.push(ONSITE_LABEL[family]);
  }
  if (plan.comprehensiveSelection) {
    point('comprehensiveSelection', '综合评选', null, '日期由办公室另行安排');
    officeSets.push('综合评选');
  }
  const hasPanel = family !== 'brand';
  const publicityAt = upgradeStagePlan(plan).publicity;
  const beforePanel = publicityAt === 'before_panel';
  if (hasPanel && !beforePanel) {
    point('panel', PANEL_LABEL[family], null, '会议日期由办公室另行安排');
    officeSets.push(PANEL_LABEL[family]);
  }
  if (hasPanel && publicityAt === 'after_approval') {
    point('governmentApproval', '政府审批', null, '审议后报政府审批，公示在审批之后');
    officeSets.push('政府审批');
  }

  const assumed = officeSets.length ? `，假定${officeSets.join('、')}不占用时间，为最早可能日期` : '';
  const publicityStarts = step(
    'publicityStarts',
    '公示开始',
    last,
    lastLabel,
    `假定${lastLabel}后的下一个工作日开始${assumed}；实际以办公室发布公示时确定的开始日期为准`,
    (p) => nextWorkingDay(p.date, calendar),
  );
  const publicityEnds = step(
    'publicityEnds',
    '公示结束',
    publicityStarts,
    '公示开始',
    `公示开始次日起算 ${describeDuration(durations.publicity)}，至最后一日 24:00（北京时间）`,
    (p) => periodEnd(p, durations.publicity, calendar),
    'publicity',
  );
  let approvalBasis = '公示结束后的下一个工作日';
  if (hasPanel && beforePanel) {
    point('panel', PANEL_LABEL[family], null, '公示结束后召开，会议日期由办公室另行安排');
    approvalBasis += `（假定${PANEL_LABEL[family]}不占用时间，为最早可能日期）`;
  }
  step('approval', '审定', publicityEnds, '公示结束', approvalBasis, (p) => nextWorkingDay(p.date, calendar));

  if (officeSets.length || (hasPanel && beforePanel)) {
    warnings.unshift(`${[...officeSets, ...(hasPanel && beforePanel ? [PANEL_LABEL[family]] : [])].join('、')}的日期由办公室安排，其后的日期按其不占用时间推算，为最早可能日期`);
  }
  return { items, warnings, missing, missingYears: [...missingYears] };
}
