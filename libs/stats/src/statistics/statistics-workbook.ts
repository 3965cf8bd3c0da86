import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { StatsBreakdownRowDto, StatsDto } from './statistics.dto';

/** The sheet names of the export, one per breakdown (tests read the workbook back by them). */
export const STATS_SHEETS = {
  totals: '概览',
  byYear: '按年度',
  byAward: '按奖项',
  byOffice: '按区县',
  byRegion: '按企业所在地',
  byIndustry: '按行业',
  byState: '按状态',
  stages: '各环节',
} as const;

const BREAKDOWN_COLUMNS = ['申报数', '获奖数', '认定数'];

/**
 * The figures of GET /stats as an xlsx workbook, streamed into `out` row by row (exceljs's
 * WorkbookWriter: each committed row is written out and released, nothing is kept whole in memory).
 */
export async function writeStatsWorkbook(stats: StatsDto, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Awardflow';
  const sheet = (name: string, header: string[], rows: Array<Array<string | number | null>>) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  const breakdown = (name: string, first: string, rows: StatsBreakdownRowDto[]) =>
    sheet(name, [first, ...BREAKDOWN_COLUMNS], rows.map((r) => [r.label, r.applications, r.awards, r.recognitions]));

  const t = stats.totals;
  sheet(STATS_SHEETS.totals, ['项目', '数值'], [
    ['统计范围', stats.office.name],
    ['年度', stats.year ?? '全部'],
    ['奖项', stats.awards.find((a) => a.value === stats.awardCode)?.label ?? stats.awardCode ?? '全部'],
    ['数据截至', stats.asOf ? new Date(stats.asOf).toISOString() : '—'],
    ['申报数', t.applications],
    ['草稿数', t.drafts],
    ['获奖数', t.awards],
    ['推荐参评数', t.nominations],
    ['上级评定获奖数', t.outsideAwards],
    ['认定数', t.recognitions],
    ['待处理异议', t.openObjections],
    ['逾期评审', t.overdueReviews],
  ]);
  breakdown(STATS_SHEETS.byYear, '年度', stats.byYear);
  breakdown(STATS_SHEETS.byAward, '奖项', stats.byAward);
  sheet(
    STATS_SHEETS.byOffice,
    ['办公室', '行政区划代码', ...BREAKDOWN_COLUMNS, '待处理异议', '逾期评审'],
    stats.byOffice.map((r) => [r.label, r.regionCode, r.applications, r.awards, r.recognitions, r.openObjections, r.overdueReviews]),
  );
  breakdown(STATS_SHEETS.byRegion, '企业所在区县', stats.byRegion);
  breakdown(STATS_SHEETS.byIndustry, '行业门类（GB/T 4754）', stats.byIndustry);
  sheet(STATS_SHEETS.byState, ['状态', '数量'], stats.byState.map((r) => [r.label, r.count]));
  sheet(
    STATS_SHEETS.stages,
    ['环节', '完成数', '通过数', '未通过数', '通过率', '中位用时（天）'],
    stats.stages.map((s) => [s.label, s.completed, s.passed, s.failed, s.passRate, s.medianDays]),
  );
  await workbook.commit();
}
