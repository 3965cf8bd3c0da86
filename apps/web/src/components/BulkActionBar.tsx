import { useState } from 'react';
import { Alert, App, Button, List, Space, Typography } from 'antd';
import { api } from '../api/client';
import { errorText } from '../api/errors';
import type { components } from '../api/schema';

type BulkResult = components['schemas']['BulkActionResultDto'];

/** The office actions offered in bulk on the list, each with what follows once confirmed. */
export const BULK_ACTIONS: Array<{ action: string; label: string; follows: string }> = [
  { action: 'pass_formal_review', label: '形式审查通过', follows: '选中的申报通过形式审查，进入下一评审阶段（有专家评审的，系统随即分配专家），申报单位将收到通知。' },
  { action: 'shortlist', label: '入围', follows: '选中的申报确定入围，进入下一阶段（答辩或现场评审等）；未选中的不受影响。' },
  { action: 'approve', label: '审定', follows: '选中的申报审定获奖，随后进入公示或表彰决定。整批须在获奖名额之内：超出名额时一份也不办理。' },
];

/**
 * 批量办理 for the selected applications of one cycle (POST /cycles/:id/bulk-actions/:action):
 * confirmed first, saying what follows; the answer lists each refused application with the server's reason.
 */
export function BulkActionBar({ cycleId, selected, nameOf, onDone }: { cycleId: string | undefined; selected: string[]; nameOf: (id: string) => string; onDone: () => void }) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ label: string; body: BulkResult }>();
  const [error, setError] = useState<string>();

  const run = (item: (typeof BULK_ACTIONS)[number]) =>
    modal.confirm({
      title: `批量${item.label}：${selected.length} 份申报`,
      content: item.follows,
      okText: `确认${item.label}`,
      cancelText: '取消',
      onOk: async () => {
        setBusy(item.action);
        setError(undefined);
        setResult(undefined);
        try {
          const body = await api.post<BulkResult>(`/cycles/${cycleId}/bulk-actions/${item.action}`, { applicationIds: selected });
          setResult({ label: item.label, body });
          message.success(`${item.label}：已办理 ${body.moved.length} 份${body.skipped.length ? `，${body.skipped.length} 份未办理` : ''}`);
          onDone();
        } catch (e) {
          setError(errorText(e));
        } finally {
          setBusy(undefined);
        }
      },
    });

  return (
    <div data-testid="bulk-bar" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Typography.Text>已选 {selected.length} 份</Typography.Text>
        {BULK_ACTIONS.map((item) => (
          <Button key={item.action} disabled={!cycleId || !selected.length} loading={busy === item.action} onClick={() => run(item)} data-testid={`bulk-${item.action}`}>
            批量{item.label}
          </Button>
        ))}
        {!cycleId && <Typography.Text type="secondary">批量办理须先选定评审周期</Typography.Text>}
      </Space>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} closable onClose={() => setError(undefined)} data-testid="bulk-error" />}
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type={result.body.skipped.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResult(undefined)}
          data-testid="bulk-result"
          message={`${result.label}：已办理 ${result.body.moved.length} 份，未办理 ${result.body.skipped.length} 份`}
          description={
            result.body.skipped.length ? (
              <List
                size="small"
                dataSource={result.body.skipped}
                renderItem={(s) => (
                  <List.Item data-testid="bulk-skipped">
                    {nameOf(s.applicationId)}：{s.message}
                  </List.Item>
                )}
              />
            ) : undefined
          }
        />
      )}
    </div>
  );
}
