import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { PHONE } from '@awardflow/rules';
import { Alert, App, Badge, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { PublicityBatch, PublicityBatchList, PublishBatchRequest } from '../../api/publication-types';
import type { Application, ApplicationPage, Cycle, Office } from '../../api/types';
import { addDays, beijingDate, cnDate, cnPeriod, durationLabel, formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';
import { StateTag } from '../StateTag';

/** The cycle's 公示 duration ('P7D', 'P5WD'): its override, else its publicity days in their unit. */
export function cyclePublicityDuration(cycle: Cycle & { publicityDayUnit?: 'calendar' | 'working' }): string {
  return cycle.durationOverrides?.publicity ?? `P${cycle.publicityDays}${cycle.publicityDayUnit === 'working' ? 'WD' : 'D'}`;
}

/**
 * 社会公示 on the cycle's page: the batches the office has published (第N批, dates, who is in each with
 * its state and open objections, the public page) and the form to publish the next one for the
 * applications in 待公示.
 */
export function PublicityBatchesPanel({ cycle }: { cycle: Cycle }) {
  const batches = useResource(() => api.get<PublicityBatchList>(`/cycles/${cycle.id}/publicity-batches`), [cycle.id], { pollMs: 15_000 });
  const waiting = useResource(
    () => api.get<ApplicationPage>('/applications', { query: { cycleId: cycle.id, state: 'awaiting_publicity', pageSize: 100 } }),
    [cycle.id],
    { pollMs: 15_000 },
  );
  const reload = () => {
    void batches.reload();
    void waiting.reload();
  };
  const items = batches.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="publicity-batches">
      <PublishForm cycle={cycle} waiting={waiting.data?.items ?? []} loading={waiting.loading} error={waiting.error} nextSeq={items.length + 1} onPublished={reload} />
      <ErrorAlert error={batches.error} />
      {!items.length && !batches.loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未发布公示" />}
      {[...items].sort((a, b) => b.seq - a.seq).map((b) => (
        <BatchCard key={b.id} batch={b} cycleId={cycle.id} />
      ))}
    </Space>
  );
}

function BatchCard({ batch: b, cycleId }: { batch: PublicityBatch; cycleId: string }) {
  const { message } = App.useApp();
  const today = beijingDate();
  const running = b.startsOn <= today && new Date(b.endsAt).getTime() > Date.now();
  const ended = new Date(b.endsAt).getTime() <= Date.now();
  return (
    <Card
      size="small"
      data-testid={`batch-${b.seq}`}
      title={
        <Space wrap>
          <span>第{b.seq}批</span>
          <Typography.Text>{b.title}</Typography.Text>
          {running ? <Tag color="red">公示中</Tag> : ended ? <Tag>已结束</Tag> : <Tag color="blue">未开始</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            data-testid="batch-xlsx"
            onClick={() => void download(`/cycles/${cycleId}/publicity-batches/${b.id}.xlsx`, `第${b.seq}批公示名单.xlsx`, true).catch((e) => message.error(errorText(e)))}
          >
            导出 Excel
          </Button>
          <Link to={`/public/publicity/${b.id}`} target="_blank" data-testid="batch-public-link">
            公开页面 <ExportOutlined />
          </Link>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: '公示期', children: <span data-testid="batch-period">{cnPeriod(b.startsOn, b.endsOn)}</span> },
          { key: 'duration', label: '时长', children: `${b.durationLabel ?? durationLabel(b.duration)}（${cnDate(b.endsOn)}24时止）` },
          { key: 'contact', label: '异议受理', children: `${b.contact.unit}，${b.contact.phone}，${b.contact.address}，${b.contact.email}` },
          { key: 'published', label: '发布时间', children: formatTime(b.publishedAt) },
        ]}
      />
      <Table
        size="small"
        rowKey="applicationId"
        pagination={false}
        dataSource={b.entries}
        style={{ marginTop: 8 }}
        columns={[
          { title: '序号', width: 60, render: (_, __, i) => i + 1 },
          { title: '申报单位', render: (_, e) => <Link to={`/application/${e.applicationId}`}>{e.organizationName}</Link> },
          { title: '状态', render: (_, e) => <StateTag state={e.state} label={e.stateLabel} /> },
          {
            title: '待处理异议',
            render: (_, e) => (e.openObjections ? <Badge count={e.openObjections} data-testid="open-objections" /> : <Typography.Text type="secondary">无</Typography.Text>),
          },
        ]}
      />
    </Card>
  );
}

interface PublishValues {
  startsOn: Dayjs;
  duration: string;
  title?: string;
  unit: string;
  phone: string;
  address: string;
  email: string;
}

function PublishForm({
  cycle,
  waiting,
  loading,
  error: listError,
  nextSeq,
  onPublished,
}: {
  cycle: Cycle;
  waiting: Application[];
  loading: boolean;
  error: unknown;
  nextSeq: number;
  onPublished: () => void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const office = useResource(() => api.get<Office>(`/offices/${cycle.officeId}`), [cycle.officeId]);
  const [selected, setSelected] = useState<string[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const today = beijingDate();
  const defaultDuration = cyclePublicityDuration(cycle);
  const durations = useMemo(() => [...new Set([defaultDuration, 'P7D', 'P5WD'])], [defaultDuration]);
  // Every application in 待公示 is in the batch unless the office leaves it out.
  const ids = waiting.map((a) => a.id);
  const chosen = selected?.filter((id) => ids.includes(id)) ?? ids;

  const publish = async () => {
    const values = await form.validateFields();
    const startsOn = values.startsOn.format('YYYY-MM-DD');
    const calendarDays = /^P(\d+)D$/.exec(values.duration);
    // Calendar days are counted here as the API counts them (from the next day); working days need the holiday calendar: the API says.
    const period = calendarDays
      ? `公示期为${cnPeriod(startsOn, addDays(startsOn, Number(calendarDays[1])))}（${durationLabel(values.duration)}，自发布次日起算，最后一日24时止）`
      : `公示自${cnDate(startsOn)}发布，为期${durationLabel(values.duration)}（自次日起算，遇法定节假日顺延，结束日期按国务院放假安排计算）`;
    modal.confirm({
      title: `发布第${nextSeq}批公示？`,
      okText: '发布',
      cancelText: '取消',
      width: 560,
      content: (
        <div data-testid="publish-confirm">
          <p>
            所选 {chosen.length} 份申报将进入「社会公示」。{period}。
          </p>
          <p>公示名单（奖项、年度和单位名称）和异议受理方式将在公开页面发布，任何人无需登录即可查看并实名提出异议；各申报单位将收到公示通知。</p>
          <p>公示期满且没有待处理异议的申报进入下一环节；公示期不因异议重新计算。发布后公示日期不能修改。</p>
        </div>
      ),
      onOk: async () => {
        setError(undefined);
        setBusy(true);
        try {
          const body: PublishBatchRequest = {
            applicationIds: chosen,
            startsOn,
            duration: values.duration,
            ...(values.title?.trim() ? { title: values.title.trim() } : {}),
            contact: { unit: values.unit.trim(), phone: values.phone.trim(), address: values.address.trim(), email: values.email.trim() },
          };
          const batch = await api.post<PublicityBatch>(`/cycles/${cycle.id}/publicity-batches`, body);
          message.success(`第${batch.seq}批公示已发布：${cnPeriod(batch.startsOn, batch.endsOn)}`);
          setSelected(undefined);
          onPublished();
        } catch (e) {
          applyFieldErrors(form, e, (f) => (f.startsWith('contact.') ? [f.slice('contact.'.length)] : [f]));
          setError(e);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card size="small" title="发布公示" data-testid="publish-publicity">
      <ErrorAlert error={listError} />
      {!waiting.length && !loading ? (
        <Alert type="info" showIcon title="没有待公示的申报" description="申报通过公示前的环节后进入「待公示」，在此统一发布公示。" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">以下申报处于「待公示」，默认全部列入本批公示；不列入的可取消勾选，留待下一批。</Typography.Paragraph>
          <Table<Application>
            size="small"
            rowKey="id"
            loading={loading}
            pagination={false}
            dataSource={waiting}
            data-testid="awaiting-publicity"
            rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys.map(String)) }}
            columns={[
              { title: '受理编号', render: (_, a) => <Link to={`/application/${a.id}`}>{a.receiptNumber ?? '—'}</Link> },
              { title: '申报单位', render: (_, a) => a.organization?.name ?? '—' },
              { title: '状态', render: (_, a) => <StateTag state={a.state} label={a.stateLabel} /> },
            ]}
          />
          <ErrorAlert error={error} style={{ marginTop: 12 }} />
          {/* Rendered once the office is known: the unit defaults to its name. */}
          {office.data === undefined && !office.error ? null : (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 12, maxWidth: 720 }}
              initialValues={{ startsOn: dayjs(addDays(today, 1)), duration: defaultDuration, unit: office.data?.name }}
            >
              <Space wrap align="start" size="large">
                <Form.Item name="startsOn" label="公示开始日期" rules={[{ required: true, message: '请选择公示开始日期' }]} extra="公示期自开始日期的次日起计算">
                  <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="publicity-starts-on" allowClear={false} />
                </Form.Item>
                <Form.Item name="duration" label="公示期限" rules={[{ required: true }]} extra={`本周期设定：${durationLabel(defaultDuration)}`}>
                  <Radio.Group options={durations.map((d) => ({ value: d, label: durationLabel(d) }))} />
                </Form.Item>
              </Space>
              <Form.Item name="title" label="公示标题（选填）">
                <Input maxLength={200} placeholder={`关于${cycle.year}年度${cycle.awardName}拟表彰名单的公示`} />
              </Form.Item>
              <Typography.Text strong>异议受理</Typography.Text>
              <Space wrap align="start" style={{ width: '100%', marginTop: 8 }}>
                <Form.Item name="unit" label="受理单位" rules={[{ required: true, whitespace: true, message: '请填写受理异议的单位' }]}>
                  <Input style={{ width: 260 }} maxLength={200} />
                </Form.Item>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE.pattern, message: `联系电话${PHONE.hint}` }]}>
                  <Input style={{ width: 200 }} maxLength={40} />
                </Form.Item>
              </Space>
              <Space wrap align="start" style={{ width: '100%' }}>
                <Form.Item name="address" label="通信地址" rules={[{ required: true, whitespace: true, message: '请填写通信地址' }]}>
                  <Input style={{ width: 360 }} maxLength={300} />
                </Form.Item>
                <Form.Item name="email" label="电子邮箱" rules={[{ required: true, message: '请填写电子邮箱' }, { type: 'email', message: '邮箱地址格式不正确' }]}>
                  <Input style={{ width: 260 }} maxLength={254} />
                </Form.Item>
              </Space>
              <Button type="primary" loading={busy} disabled={!chosen.length} onClick={() => void publish().catch(() => undefined)} data-testid="publish-button">
                发布公示（{chosen.length} 份）
              </Button>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
