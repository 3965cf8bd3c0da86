import { Link } from 'react-router';
import { Card, Empty, List, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { publicApi } from '../../api/client';
import type { PublicOffice } from '../../api/publication-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../lib/useResource';

/** /public: the offices that have published a 公示 or results, to choose one. */
export default function PublicOfficesPage() {
  const offices = useResource(() => publicApi.get<{ items: PublicOffice[] }>('/public/offices'), []);
  return (
    <Card title="选择评奖办公室" size="small">
      <Typography.Paragraph type="secondary">查看各评奖办公室发布的社会公示、表彰名单。</Typography.Paragraph>
      <ErrorAlert error={offices.error} />
      <List
        loading={offices.loading}
        dataSource={offices.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已发布的公示" /> }}
        renderItem={(o) => (
          <List.Item data-testid={`public-office-${o.code}`}>
            <Link to={`/public/offices/${encodeURIComponent(o.code)}`} style={{ display: 'flex', width: '100%', justifyContent: 'space-between' }}>
              <span>{o.name}</span>
              <RightOutlined />
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
