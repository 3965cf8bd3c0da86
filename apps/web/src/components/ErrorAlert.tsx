import { Alert } from 'antd';
import { describeError } from '../api/errors';

/** An API error where it happened: a Chinese title and every problem, each naming its field. */
export function ErrorAlert({ error, onClose, style }: { error: unknown; onClose?: () => void; style?: React.CSSProperties }) {
  if (!error) return null;
  const d = describeError(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      style={{ marginBottom: 16, ...style }}
      title={d.title}
      description={
        d.lines.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {d.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
      closable={onClose ? { onClose } : undefined}
    />
  );
}
