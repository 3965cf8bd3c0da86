import { Link, useParams, useSearchParams } from 'react-router';
import { Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { publicApi } from '../../api/client';
import type { PublicBatch, PublicOfficePublicity, PublicResults } from '../../api/publication-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cnDate, cnPeriod } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/** /public/offices/:code — one office's 公示 (current and past) and its 表彰名单. */
export default function PublicOfficePage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'results' ? 'results' : 'publicity';
  const publicity = useResource(() => publicApi.get<PublicOfficePublicity>(`/public/offices/${encodeURIComponent(code)}/publicity`), [code]);
  const office = publicity.data?.office;
  return (
    <Card
      size="small"
      title={
        <Typography.Text strong data-testid="public-office-name" style={{ whiteSpace: 'normal' }}>
          {office?.name ?? '评奖办公室'}
        </Typography.Text>
      }
      extra={<Link to="/public">更换</Link>}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'results' ? { tab: 'results' } : {}, { replace: true })}
        items={[
          {
            key: 'publicity',
            label: '社会公示',
            children: (
              <>
                <ErrorAlert error={publicity.error} />
                <Typography.Title level={5}>正在公示</Typography.Title>
                <BatchList batches={publicity.data?.current} loading={publicity.loading} empty="目前没有正在进行的公示" testId="current-publicity" />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  往期公示
                </Typography.Title>
                <BatchList batches={publicity.data?.past} loading={publicity.loading} empty="暂无往期公示" testId="past-publicity" />
              </>
            ),
          },
          { key: 'results', label: '表彰名单', children: tab === 'results' ? <Results code={code} /> : null },
        ]}
      />
    </Card>
  );
}

function BatchList({ batches, loading, empty, testId }: { batches: PublicBatch[] | undefined; loading: boolean; empty: string; testId: string }) {
  return (
    <List
      data-testid={testId}
      loading={loading}
      dataSource={batches ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(b) => (
        <List.Item data-testid={`public-batch-${b.id}`}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Link to={`/public/publicity/${b.id}`} style={{ fontWeight: 600 }}>
              {b.title}
            </Link>
            <Typography.Text type="secondary">
              {b.year}年度 {b.awardName}
            </Typography.Text>
            <Space wrap size={4}>
              {b.open ? <Tag color="red">公示中</Tag> : <Tag>已结束</Tag>}
              <span data-testid="public-batch-period">公示期：{cnPeriod(b.startsOn, b.endsOn)}</span>
            </Space>
            <Typography.Text type="secondary">共 {b.entries.length} 家单位</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function Results({ code }: { code: string }) {
  const results = useResource(() => publicApi.get<PublicResults>(`/public/offices/${encodeURIComponent(code)}/results`), [code]);
  const items = results.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={results.error} />
      {!results.loading && !items.length && !results.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已发布的表彰名单" />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {items.map((r, i) => (
          <Card key={i} size="small" type="inner" title={<span style={{ whiteSpace: 'normal' }}>{`${r.year}年度${r.awardName}`}</span>} data-testid="public-result">
            {r.decision && (
              <Typography.Paragraph>
                表彰决定：{r.decision.title}（{r.decision.documentNumber}，{cnDate(r.decision.decidedOn)}）
              </Typography.Paragraph>
            )}
            {/* A list, not a table: it reads on a phone. */}
            <List
              size="small"
              dataSource={r.winners}
              renderItem={(w) => (
                <List.Item data-testid="public-winner">
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>
                      {w.organizationName}
                      {w.subjectName && <span data-testid="public-winner-subject">（{w.subjectName}）</span>}
                    </Typography.Text>
                    <Space size={4} wrap>
                      <Tag color="red">{w.tierLabel}</Tag>
                      <span>
                        证书编号：<Link to={`/public/certificates/${encodeURIComponent(w.certificateNumber)}`}>{w.certificateNumber}</Link>
                      </span>
                      {w.revoked && <Tag>已撤销</Tag>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
    </>
  );
}
