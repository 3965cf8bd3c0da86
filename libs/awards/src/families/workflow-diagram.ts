import { DEADLINE_KIND_LABELS } from '@awardflow/rules';
import { renderMermaid, WorkflowDefinition } from '@awardflow/workflow';
import { GUARD_OTHER_OBJECTIONS_OPEN, GUARD_PANEL_VOTE_PASSED } from './workflow-names';

/** The award workflows' guards as the office reads them on the diagram. */
const GUARD_LABELS: Readonly<Record<string, { holds: string; fails: string }>> = {
  [GUARD_PANEL_VOTE_PASSED]: { holds: '计票通过', fails: '计票未通过' },
  [GUARD_OTHER_OBJECTIONS_OPEN]: { holds: '尚有其他异议', fails: '无其他异议' },
};

/** An award workflow's Mermaid diagram, every label in Chinese (no guard or timer codes). */
export function awardWorkflowDiagram(definition: WorkflowDefinition): string {
  return renderMermaid(definition, { guard: (name) => GUARD_LABELS[name], timer: (kind) => DEADLINE_KIND_LABELS[kind] });
}
