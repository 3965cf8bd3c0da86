import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Layout, Space, Spin, Typography } from 'antd';
import { PageHeading } from '../../components/PageHeading';

/**
 * The pages anyone may read without an account (公示, 表彰名单, 证书查询): no login, no menu of the
 * console, a single narrow column that reads on a phone.
 */
export default function PublicLayout() {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#b8232f', paddingInline: 16, height: 'auto', lineHeight: 1.4, paddingBlock: 12 }}>
        <div style={{ maxWidth: 960, margin: '0 auto', display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <Link to="/public" style={{ color: '#fff' }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
              质量奖评审公示
            </Typography.Text>
          </Link>
          <Space size="middle">
            <Link to="/public" style={{ color: '#fff' }} data-testid="public-nav-publicity">
              公示与表彰名单
            </Link>
            <Link to="/public/certificates" style={{ color: '#fff' }} data-testid="public-nav-certificates">
              证书查询
            </Link>
          </Space>
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: '12px 8px 32px' }}>
        <div style={{ maxWidth: 960, margin: '0 auto' }}>
          <PageHeading />
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: '12px 8px', fontSize: 12, color: '#595959' }}>
        本页面信息由各评奖办公室发布，仅公开公示与表彰名单；如需查询证书真伪，请输入证书编号。
      </Layout.Footer>
    </Layout>
  );
}
