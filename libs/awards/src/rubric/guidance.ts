/**
 * Scoring guidance of GB/Z 19579-2012《卓越绩效评价准则实施指南》 for the items of GB/T 19580-2012:
 * a process item (4.1–4.6) is judged on 方法–展开–学习–整合 (ADLI, 表 1 过程评分指南), a result item
 * (4.7) on 水平–趋势–对比–整合 (LeTCI, 表 2 结果评分指南); each is placed in one of six bands of its
 * maximum (0%–5%, 10%–25%, 30%–45%, 50%–65%, 70%–85%, 90%–100%) and then scored within the band.
 * The band texts below follow the two tables of GB/Z 19579-2012, one sentence per dimension.
 */

export type GuidanceKind = 'process' | 'results';

export interface GuidanceDimension {
  /** A, D, L, I or Le, T, C, I. */
  code: string;
  label: string;
  description: string;
}

export interface ScoringBand {
  /** Lower and upper bound, in per cent of the item's maximum. */
  from: number;
  to: number;
  /** `10%–25%` */
  label: string;
  /** One sentence per dimension, in the order of the guide's dimensions. */
  descriptions: string[];
}

export interface ScoringGuide {
  kind: GuidanceKind;
  label: string;
  dimensions: GuidanceDimension[];
  bands: ScoringBand[];
}

export interface RubricGuidance {
  source: string;
  process: ScoringGuide;
  results: ScoringGuide;
}

/** The six bands of GB/Z 19579-2012, in per cent of an item's maximum. */
export const BAND_RANGES: ReadonlyArray<readonly [number, number]> = [[0, 5], [10, 25], [30, 45], [50, 65], [70, 85], [90, 100]];

const band = (i: number, descriptions: string[]): ScoringBand => {
  const [from, to] = BAND_RANGES[i];
  return { from, to, label: `${from}%–${to}%`, descriptions };
};

/** GB/Z 19579-2012 表 1 过程评分指南 (items 4.1–4.6). */
export const PROCESS_GUIDE: ScoringGuide = {
  kind: 'process',
  label: '过程评分（方法–展开–学习–整合）',
  dimensions: [
    { code: 'A', label: '方法', description: '实现过程所采用的方法是否系统、有效，是否可重复，是否基于可靠的数据和信息' },
    { code: 'D', label: '展开', description: '方法在组织内各相关部门、各方面应用的广度和深度' },
    { code: 'L', label: '学习', description: '通过评价和改进循环、创新和经验分享，使方法不断完善' },
    { code: 'I', label: '整合', description: '方法与组织在其他评分项中识别的需要协调一致、相互融合' },
  ],
  bands: [
    band(0, [
      '显然没有系统的方法，信息是零散、孤立的',
      '方法没有展开或略有展开',
      '不能证实具有改进导向，已有的改进仅是“对问题作出反应”',
      '不能证实组织的协调一致，各个方面或部门各行其是',
    ]),
    band(1, [
      '开始有针对该评分项基本要求的系统的方法',
      '在大多数方面或部门处于方法展开的初级阶段，阻碍了达成该评分项基本要求的进程',
      '处于从“对问题作出反应”到“一般性改进导向”转变的初级阶段',
      '主要通过联合解决问题，使方法与其他方面或部门达到协调一致',
    ]),
    band(2, [
      '有应对该评分项基本要求的系统、有效的方法',
      '尽管在某些方面或部门尚处于展开的初级阶段，但方法已经展开',
      '开始系统地评价和改进关键过程',
      '方法处于与在其他评分项中识别的组织基本需要协调一致的初级阶段',
    ]),
    band(3, [
      '有应对该评分项总体要求的系统、有效的方法',
      '尽管在某些方面或部门的展开有所不同，但方法得到了很好的展开',
      '基于事实的、系统的评价和改进过程以及一些组织的学习已经到位，以改进关键过程的效率和有效性',
      '方法与在其他评分项中识别的组织需要协调一致',
    ]),
    band(4, [
      '有应对该评分项详细要求的系统、有效的方法',
      '方法得到了很好的展开，无显著的差距',
      '基于事实的、系统的评价和改进以及组织的学习成为关键的管理工具；有清楚的证据表明，通过组织级的分析和共享实现了改进和创新',
      '方法与在其他评分项中识别的组织需要达到整合',
    ]),
    band(5, [
      '有应对该评分项详细要求的系统、有效的方法',
      '方法得到了充分的展开，在任何方面或部门均无显著的弱项或差距',
      '基于事实的、系统的评价和改进以及组织的学习是组织主要的管理工具；通过组织级的分析和共享，实现了改进和创新',
      '方法与在其他评分项中识别的组织需要达到很好的整合',
    ]),
  ],
};

/** GB/Z 19579-2012 表 2 结果评分指南 (items 4.7.x). */
export const RESULTS_GUIDE: ScoringGuide = {
  kind: 'results',
  label: '结果评分（水平–趋势–对比–整合）',
  dimensions: [
    { code: 'Le', label: '水平', description: '当前绩效在有意义的测量尺度上所处的水平' },
    { code: 'T', label: '趋势', description: '绩效改进的速度和广度（一般需有三个或以上数据点）' },
    { code: 'C', label: '对比', description: '与竞争对手、同行业或标杆等适宜对比对象的比较' },
    { code: 'I', label: '整合', description: '结果测量与组织关键的顾客、市场、过程和战略实施计划要求的关联程度' },
  ],
  bands: [
    band(0, [
      '没有描述结果，或结果很差',
      '没有显示趋势的数据，或显示了总体不良的趋势',
      '没有对比性信息',
      '在对组织关键经营要求重要的任何方面，均没有描述结果',
    ]),
    band(1, [
      '结果很少，在少数方面有一些改进和（或）处于初期的良好绩效水平',
      '没有或仅有少量显示趋势的数据',
      '没有或仅有少量对比性信息',
      '在少数对组织关键经营要求重要的方面描述了结果',
    ]),
    band(2, [
      '在该评分项要求的多数方面有改进和（或）良好绩效水平',
      '处于取得良好趋势的初期阶段',
      '处于获得对比性信息的初期阶段',
      '在多数对组织关键经营要求重要的方面描述了结果',
    ]),
    band(3, [
      '在该评分项要求的大多数方面有改进趋势和（或）良好绩效水平',
      '在对组织关键经营要求重要的方面，没有不良趋势和不良绩效水平',
      '与有关竞争对手和（或）标杆对比，一些趋势和（或）当前绩效显示了良好到优秀的水平',
      '经营结果达到了大多数关键顾客、市场和过程的要求',
    ]),
    band(4, [
      '在对该评分项要求重要的大多数方面，当前绩效良好到优秀',
      '大多数的改进趋势和（或）当前绩效水平可持续',
      '与有关竞争对手和（或）标杆对比，多数到大多数的趋势和（或）当前绩效显示了领先和优秀的水平',
      '经营结果达到了大多数关键顾客、市场、过程和战略实施计划的要求',
    ]),
    band(5, [
      '在对该评分项要求重要的大多数方面，当前绩效优秀',
      '在大多数方面，具有优秀的改进趋势和（或）可持续的优秀绩效水平',
      '在多数方面显示出领先地位和标杆水平',
      '经营结果充分地达到了关键顾客、市场、过程和战略实施计划的要求',
    ]),
  ],
};

export const GBZ_19579_GUIDANCE: RubricGuidance = {
  source: 'GB/Z 19579-2012《卓越绩效评价准则实施指南》评分指南',
  process: PROCESS_GUIDE,
  results: RESULTS_GUIDE,
};

/** The score range (points) of a band for an item of the given maximum: `[from% × max, to% × max]`, one decimal. */
export function bandRange(max: number, b: Pick<ScoringBand, 'from' | 'to'>): [number, number] {
  return [Math.round(max * b.from) / 100, Math.round(max * b.to) / 100].map((v) => Math.round(v * 10) / 10) as [number, number];
}

/** The band (index into BAND_RANGES) a score falls in, or null when it falls between two bands (e.g. 7% of the maximum). */
export function bandOf(max: number, score: number): number | null {
  for (let i = 0; i < BAND_RANGES.length; i++) {
    const [lo, hi] = bandRange(max, { from: BAND_RANGES[i][0], to: BAND_RANGES[i][1] });
    if (score >= lo - 1e-9 && score <= hi + 1e-9) return i;
  }
  return null;
}
