import { Card, Descriptions, Empty, Table, Typography } from 'antd';
import { SELF_ASSESSMENT_FIELDS } from '../../lib/labels';
import type { Family } from './formModel';

const text = (v: unknown) => (v === undefined || v === null || v === '' ? <Typography.Text type="secondary">未填写</Typography.Text> : <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>);

/** The form read-only (reviewers, the office, and the enterprise once it is submitted). */
export function FormView({ form, family }: { form: Record<string, unknown>; family: Family | undefined }) {
  const f = form as Record<string, Record<string, unknown> | undefined> & { keyResults?: Array<Record<string, unknown>> };
  if (!form || Object.keys(form).length === 0) return <Card title="申报书"><Empty description="申报书尚未填写" /></Card>;
  return (
    <Card title="申报书">
      {family === 'quality' && (
        <>
          <Descriptions column={1} bordered size="small" items={SELF_ASSESSMENT_FIELDS.map(([key, label]) => ({ key, label: `自评·${label}`, children: text(f.selfAssessment?.[key]) }))} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            关键绩效指标
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={f.keyResults ?? []}
            columns={[
              { title: '指标', dataIndex: 'indicator' },
              { title: '数值', dataIndex: 'value' },
              { title: '单位', dataIndex: 'unit' },
              { title: '年份', dataIndex: 'year' },
            ]}
          />
          {f.nominee && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                被推荐个人
              </Typography.Title>
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  ['name', '姓名'],
                  ['position', '职务'],
                  ['workUnit', '工作单位'],
                  ['contribution', '主要质量贡献'],
                ].map(([key, label]) => ({ key, label, children: text(f.nominee?.[key]) }))}
              />
            </>
          )}
        </>
      )}
      {family === 'engineering' && (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              ['name', '工程名称'],
              ['location', '工程地点'],
              ['scale', '工程规模'],
              ['investment', '工程投资（万元）'],
              ['grossFloorArea', '建筑面积（平方米）'],
              ['constructionUnit', '建设单位'],
              ['contractor', '承建单位'],
              ['constructionPermitNumber', '施工许可证号'],
              ['completionAcceptanceDate', '竣工验收日期'],
              ['description', '工程简介'],
            ].map(([key, label]) => ({ key, label, children: text(f.project?.[key]) }))}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            参建单位
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={(f.project?.participants as Array<Record<string, unknown>> | undefined) ?? []}
            columns={[
              { title: '单位名称', dataIndex: 'name' },
              { title: '承担角色', dataIndex: 'role' },
              { title: '承担内容', dataIndex: 'scope' },
            ]}
          />
        </>
      )}
      {family === 'brand' && (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'bn', label: '品牌名称', children: text(f.brand?.name) },
            { key: 'by', label: '创立年份', children: text(f.brand?.foundedYear) },
            { key: 'bc', label: '品类', children: text(f.brand?.category) },
            { key: 'bd', label: '品牌简介', children: text(f.brand?.description) },
            { key: 'pn', label: '产品名称', children: text(f.product?.name) },
            { key: 'ps', label: '批量生产起始', children: text(f.product?.batchProductionSince) },
            { key: 'pt', label: '执行标准', children: text(f.product?.standard) },
            { key: 'pm', label: '注册商标', children: text(f.product?.trademark) },
            { key: 'pp', label: '规格型号', children: text(f.product?.specifications) },
            { key: 'po', label: '年产量', children: text(f.product?.annualOutput === undefined ? undefined : `${f.product.annualOutput}${f.product?.outputUnit ?? ''}`) },
            { key: 'pa', label: '年销售额（万元）', children: text(f.product?.annualSales) },
          ]}
        />
      )}
    </Card>
  );
}
