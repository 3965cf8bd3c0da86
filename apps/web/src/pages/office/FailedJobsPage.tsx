import { useState } from 'react';
import { App, Button, Card, Select, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { FailedJob } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { type Page, useServerPaging } from '../../lib/paging';

/** 失败任务: background jobs that used up their retries, retried by hand. */
export default function FailedJobsPage() {
  const { message } = App.useApp();
  const [queue, setQueue] = useState<string>();
  const paging = useServerPaging();
  const jobs = useResource(() => api.get<Page<FailedJob>>('/admin/jobs/failed', { query: { queue, page: paging.page, pageSize: paging.pageSize } }), [queue, paging.page, paging.pageSize], { pollMs: 15_000 });
  const [error, setError] = useState<unknown>();
  const queues = [...new Set((jobs.data?.items ?? []).map((j) => j.queue))];

  const retry = async (job: FailedJob) => {
    setError(undefined);
    try {
      await api.post(`/admin/jobs/${encodeURIComponent(job.id)}/retry`);
      message.success(`已重新执行：${job.name}`);
      await jobs.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      title="失败的后台任务"
      extra={
        <Select
          allowClear
          placeholder="全部队列"
          aria-label="队列"
          style={{ width: 200 }}
          value={queue}
          onChange={(v) => {
            setQueue(v);
            paging.reset();
          }}
          options={[...new Set([...queues, 'events', 'notifications', 'deadlines', 'maintenance'])].map((q) => ({ value: q, label: q }))}
        />
      }
    >
      <ErrorAlert error={error ?? jobs.error} onClose={() => setError(undefined)} />
      <Table<FailedJob>
        rowKey="id"
        loading={jobs.loading}
        dataSource={jobs.data?.items ?? []}
        pagination={paging.pagination(jobs.data?.total, '个')}
        locale={{ emptyText: '没有失败的任务' }}
        columns={[
          { title: '队列', dataIndex: 'queue' },
          { title: '任务', dataIndex: 'name' },
          { title: '失败原因', render: (_, j) => <Typography.Text type="danger">{j.failedReason}</Typography.Text> },
          { title: '尝试次数', dataIndex: 'attemptsMade' },
          { title: '失败时间', render: (_, j) => formatTime(j.finishedOn ?? j.timestamp) },
          { title: '', render: (_, j) => <Button size="small" onClick={() => retry(j)}>重试</Button> },
        ]}
      />
    </Card>
  );
}
