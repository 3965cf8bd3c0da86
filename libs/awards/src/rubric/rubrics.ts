import { GBZ_19579_GUIDANCE } from './guidance';
import { Rubric } from './rubric.types';

/**
 * GB/T 19580-2012 卓越绩效评价准则: 7 categories, 1000 points, scored on the sub-items, with the
 * scoring guidance of GB/Z 19579-2012 (process items 4.1–4.6 on ADLI, results 4.7 on LeTCI).
 */
export const GBT_19580: Rubric = withGuidance({
  code: 'GB/T 19580',
  label: '卓越绩效评价准则（GB/T 19580）',
  total: 1000,
  categories: [
    {
      code: '4.1', label: '领导', max: 110,
      items: [
        { criterion: '4.1.2', label: '高层领导的作用', max: 50 },
        { criterion: '4.1.3', label: '组织治理', max: 30 },
        { criterion: '4.1.4', label: '社会责任', max: 30 },
      ],
    },
    {
      code: '4.2', label: '战略', max: 90,
      items: [
        { criterion: '4.2.2', label: '战略制定', max: 40 },
        { criterion: '4.2.3', label: '战略部署', max: 50 },
      ],
    },
    {
      code: '4.3', label: '顾客与市场', max: 90,
      items: [
        { criterion: '4.3.2', label: '顾客和市场的了解', max: 40 },
        { criterion: '4.3.3', label: '顾客关系与顾客满意', max: 50 },
      ],
    },
    {
      code: '4.4', label: '资源', max: 130,
      items: [
        { criterion: '4.4.2', label: '人力资源', max: 60 },
        { criterion: '4.4.3', label: '财务资源', max: 15 },
        { criterion: '4.4.4', label: '信息和知识资源', max: 20 },
        { criterion: '4.4.5', label: '技术资源', max: 15 },
        { criterion: '4.4.6', label: '基础设施', max: 10 },
        { criterion: '4.4.7', label: '相关方关系', max: 10 },
      ],
    },
    {
      code: '4.5', label: '过程管理', max: 100,
      items: [
        { criterion: '4.5.2', label: '过程的识别与设计', max: 50 },
        { criterion: '4.5.3', label: '过程的实施与改进', max: 50 },
      ],
    },
    {
      code: '4.6', label: '测量、分析与改进', max: 80,
      items: [
        { criterion: '4.6.2', label: '测量、分析和评价', max: 40 },
        { criterion: '4.6.3', label: '改进与创新', max: 40 },
      ],
    },
    {
      code: '4.7', label: '结果', max: 400,
      items: [
        { criterion: '4.7.2', label: '产品和服务结果', max: 80 },
        { criterion: '4.7.3', label: '顾客与市场结果', max: 80 },
        { criterion: '4.7.4', label: '财务结果', max: 80 },
        { criterion: '4.7.5', label: '资源结果', max: 60 },
        { criterion: '4.7.6', label: '过程有效性结果', max: 50 },
        { criterion: '4.7.7', label: '领导方面的结果', max: 50 },
      ],
    },
  ],
});

/** Every item of 4.1–4.6 is a process item, every item of 4.7 a result (GB/Z 19579-2012, 评分指南). */
function withGuidance(rubric: Rubric): Rubric {
  return {
    ...rubric,
    guidance: GBZ_19579_GUIDANCE,
    categories: rubric.categories.map((c) => ({ ...c, items: c.items.map((i) => ({ ...i, guidance: c.code === '4.7' ? 'results' : 'process' })) })),
  };
}

/** Engineering quality nominations (鲁班奖 and kin): the criteria their rules weigh, 100 points. */
export const ENGINEERING_RUBRIC: Rubric = {
  code: 'engineering-quality',
  label: '工程质量评价',
  total: 100,
  categories: [
    { code: 'E1', label: '工程实体质量', max: 40, items: [{ criterion: 'E1', label: '工程实体质量', max: 40 }] },
    { code: 'E2', label: '技术创新与科技进步', max: 20, items: [{ criterion: 'E2', label: '技术创新与科技进步', max: 20 }] },
    { code: 'E3', label: '安全文明施工', max: 15, items: [{ criterion: 'E3', label: '安全文明施工', max: 15 }] },
    { code: 'E4', label: '绿色建造与节能环保', max: 15, items: [{ criterion: 'E4', label: '绿色建造与节能环保', max: 15 }] },
    { code: 'E5', label: '社会与经济效益', max: 10, items: [{ criterion: 'E5', label: '社会与经济效益', max: 10 }] },
  ],
};

/** Brand recognitions (名牌产品, 老字号, 标杆单位), 100 points. */
export const BRAND_RUBRIC: Rubric = {
  code: 'brand-recognition',
  label: '品牌认定评价',
  total: 100,
  categories: [
    { code: 'B1', label: '质量水平', max: 30, items: [{ criterion: 'B1', label: '质量水平', max: 30 }] },
    { code: 'B2', label: '市场表现', max: 25, items: [{ criterion: 'B2', label: '市场表现', max: 25 }] },
    { code: 'B3', label: '品牌建设与文化传承', max: 20, items: [{ criterion: 'B3', label: '品牌建设与文化传承', max: 20 }] },
    { code: 'B4', label: '创新能力', max: 15, items: [{ criterion: 'B4', label: '创新能力', max: 15 }] },
    { code: 'B5', label: '社会责任', max: 10, items: [{ criterion: 'B5', label: '社会责任', max: 10 }] },
  ],
};
