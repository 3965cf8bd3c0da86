import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';

/** A path no page has: says so (as the page's h1) and offers the way back to the user's home page. */
export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>页面不存在</h1>}
      subTitle="您访问的页面不存在或已被移除，请检查地址。"
      extra={
        <Button type="primary" onClick={() => navigate('/')} data-testid="not-found-home">
          返回首页
        </Button>
      }
    />
  );
}
