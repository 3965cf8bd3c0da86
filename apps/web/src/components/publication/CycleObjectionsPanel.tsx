import { useMemo, useState } from 'react';
import { Button, Empty, List, Radio, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { PublicationObjection, PublicityBatchList } from '../../api/publication-types';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';
import { ObjectionItem } from './ObjectionItem';
import { RecordObjectionModal } from './RecordObjectionModal';

/**
 * 异议处理 on the cycle's page: every objection to the cycle's 公示 (from the public page, or recorded
 * by the office from post, phone and mail), with the objector (the office sees who), the evidence, the
 * enterprise's 申辩 and the decision — each decided on its own.
 */
export function CycleObjectionsPanel({ cycleId }: { cycleId: string }) {
  const objections = useResource(() => api.get<PublicationObjection[]>('/objections', { query: { cycleId } }), [cycleId], { pollMs: 15_000 });
  const batches = useResource(() => api.get<PublicityBatchList>(`/cycles/${cycleId}/publicity-batches`), [cycleId]);
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [recording, setRecording] = useState(false);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const b of batches.data?.items ?? []) for (const e of b.entries) m.set(e.applicationId, e.organizationName);
    return m;
  }, [batches.data]);
  const all = objections.data ?? [];
  const shown = show === 'open' ? all.filter((o) => o.status === 'open') : all;
  const reload = () => {
    void objections.reload();
    void batches.reload();
  };
  return (
    <div data-testid="cycle-objections">
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          value={show}
          onChange={(e) => setShow(e.target.value)}
          options={[
            { value: 'open', label: `待处理（${all.filter((o) => o.status === 'open').length}）` },
            { value: 'all', label: `全部（${all.length}）` },
          ]}
          optionType="button"
        />
        <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} disabled={!names.size} data-testid="record-objection">
          登记异议
        </Button>
        <Typography.Text type="secondary">信函、电话、电子邮件收到的异议在此登记。</Typography.Text>
      </Space>
      <ErrorAlert error={objections.error ?? batches.error} />
      <List
        bordered
        loading={objections.loading}
        dataSource={shown}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={show === 'open' ? '没有待处理的异议' : '暂无异议'} /> }}
        renderItem={(o) => (
          <List.Item>
            <ObjectionItem objection={o} organizationName={names.get(o.applicationId)} canResolve canRespond={false} onChanged={reload} />
          </List.Item>
        )}
      />
      <RecordObjectionModal
        open={recording}
        applications={[...names].map(([id, label]) => ({ id, label }))}
        onClose={() => setRecording(false)}
        onRecorded={reload}
      />
    </div>
  );
}
