import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Result, Table, Tag, Typography } from 'antd';
import { publicApi } from '../../api/client';
import type { PublicBatch } from '../../api/publication-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cnDate, cnPeriod } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { PublicObjectionForm } from './PublicObjectionForm';

/**
 * /public/publicity/:batchId — one 公示 as an office publishes it: what and who, the period, how to
 * object, and (while it runs) the form to object in writing under a real name.
 */
export default function PublicityPage() {
  const { batchId = '' } = useParams();
  const batch = useResource(() => publicApi.get<PublicBatch>(`/public/publicity/${encodeURIComponent(batchId)}`), [batchId]);
  const b = batch.data;
  if (batch.error && !b) {
    return (
      <Card size="small">
        <ErrorAlert error={batch.error} />
        <Link to="/public">返回公示列表</Link>
      </Card>
    );
  }
  if (!b) return <Card loading size="small" />;
  const withSubjects = b.entries.some((e) => e.subjectName);
  const period = cnPeriod(b.startsOn, b.endsOn);
  return (
    <>
      <Card size="small" data-testid="publicity-notice">
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 8 }} data-testid="publicity-title">
          {b.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'award', label: '奖项', children: b.awardName },
            { key: 'year', label: '年度', children: `${b.year}年度` },
            { key: 'office', label: '发布单位', children: b.officeName },
            { key: 'status', label: '状态', children: b.open ? <Tag color="red">公示中</Tag> : <Tag>公示已结束</Tag> },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12 }}>
          根据{b.awardName}评审管理有关规定，现将{b.year}年度{b.awardName}拟表彰对象予以公示，接受社会监督。公示期为
          <Typography.Text strong data-testid="publicity-period">
            {period}
          </Typography.Text>
          （{b.durationLabel}，自公示次日起算，{cnDate(b.endsOn)}24时止）。
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="publicId"
          pagination={false}
          dataSource={b.entries}
          data-testid="publicity-entries"
          columns={[
            { title: '序号', width: 56, render: (_, __, i) => i + 1 },
            { title: '单位名称', dataIndex: 'organizationName' },
            ...(withSubjects ? [{ title: '项目或产品', render: (_: unknown, e: PublicBatch['entries'][number]) => e.subjectName ?? '—' }] : []),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          异议受理
        </Typography.Title>
        <Typography.Paragraph>
          任何单位和个人对公示对象有异议的，请于公示期内（{period}）以书面形式向{b.contact.unit}实名提出，并提供必要的证据材料。个人提出异议须写明真实姓名、身份证号和联系方式；单位提出异议须写明单位名称、统一社会信用代码并加盖公章。匿名异议、无证据的异议或超出公示期提出的异议不予受理。异议人的身份信息予以保密。
        </Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={1}
          data-testid="publicity-contact"
          styles={{ label: { width: 92, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'unit', label: '受理单位', children: b.contact.unit },
            { key: 'phone', label: '联系电话', children: <a href={`tel:${b.contact.phone.replace(/[^0-9+]/g, '')}`}>{b.contact.phone}</a> },
            { key: 'address', label: '通信地址', children: b.contact.address },
            { key: 'email', label: '电子邮箱', children: <a href={`mailto:${b.contact.email}`}>{b.contact.email}</a> },
          ]}
        />
      </Card>
      <Card size="small" title="提出异议" style={{ marginTop: 12 }} data-testid="public-objection">
        {b.open ? (
          <PublicObjectionForm batch={b} />
        ) : (
          <Result status="info" title="公示期已结束" subTitle={`本次公示期为${period}，已不再受理异议。`} />
        )}
      </Card>
      {b.open && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title="也可以邮寄、电话或电子邮件方式提出"
          description={`请在公示期内联系${b.contact.unit}（${b.contact.phone}），书面材料寄至：${b.contact.address}。`}
        />
      )}
    </>
  );
}
