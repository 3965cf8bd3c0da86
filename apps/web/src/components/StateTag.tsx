import { Tag } from 'antd';
import { STATE_LABELS, stateColor } from '../lib/labels';

export function StateTag({ state, label }: { state: string; label?: string }) {
  return (
    <Tag color={stateColor(state)} data-testid="state-tag" data-state={state}>
      {label ?? STATE_LABELS[state] ?? state}
    </Tag>
  );
}
