import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../ErrorAlert';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

type Release = components['schemas']['FeedbackReleaseDto'];

/** 反馈报告: released once to the cycle's enterprises (their experts' feedback, no expert named); it cannot be taken back. */
export function FeedbackReleaseCard({ cycleId }: { cycleId: string }) {
  const { message } = App.useApp();
  const state = useResource(() => api.get<Release>(`/cycles/${cycleId}/feedback-report/release`), [cycleId]);
  const [error, setError] = useState<unknown>();
  const releasedAt = state.data?.releasedAt;

  const release = async () => {
    setError(undefined);
    try {
      state.setData(await api.post<Release>(`/cycles/${cycleId}/feedback-report/release`));
      message.success('反馈报告已发布');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card size="small" title="反馈报告" data-testid="feedback-release" style={{ marginTop: 16 }}>
      <ErrorAlert error={state.error ?? error} />
      <Space wrap>
        {releasedAt ? (
          <Tag color="green" data-testid="feedback-released">
            已发布：{formatTime(releasedAt)}
          </Tag>
        ) : (
          <Tag data-testid="feedback-unreleased">未发布</Tag>
        )}
        {!releasedAt && state.data && (
          <Popconfirm
            title="发布反馈报告？"
            description="发布后本周期的申报单位即可查看专家反馈（不显示专家姓名），发布不能撤回。"
            okText="发布"
            cancelText="取消"
            onConfirm={() => release()}
          >
            <Button data-testid="release-feedback">发布反馈报告</Button>
          </Popconfirm>
        )}
        <Typography.Text type="secondary">各申报单位的反馈报告按评审类别列出优势与改进机会及得分率。</Typography.Text>
      </Space>
    </Card>
  );
}
