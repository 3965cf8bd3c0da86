import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { formatTime, timeLeft } from '../lib/format';

/** "还剩 2 天 3 小时" ticking every second, or "已逾期". */
export function Countdown({ due, prefix = '还剩' }: { due: string; prefix?: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = timeLeft(due, now);
  return (
    <span data-testid="countdown">
      {left ? (
        <Typography.Text type={new Date(due).getTime() - now < 86_400_000 ? 'danger' : 'warning'}>
          {prefix} {left}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">已逾期</Typography.Text>
      )}
      <Typography.Text type="secondary">（截止 {formatTime(due)}）</Typography.Text>
    </span>
  );
}
