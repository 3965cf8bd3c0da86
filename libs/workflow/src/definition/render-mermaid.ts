import { fromStates } from './verify-definition';
import { WorkflowDefinition } from './definition.types';

/** A Mermaid stateDiagram-v2 of the definition, with zh-CN labels: the picture is the code. */
export function renderMermaid(def: WorkflowDefinition): string {
  const id = (state: string) => state.replace(/[^A-Za-z0-9_]/g, '_');
  const text = (label: string) => label.replace(/["\n:;]/g, ' ');
  const lines = ['stateDiagram-v2'];
  for (const [name, state] of Object.entries(def.states)) lines.push(`  ${id(name)} : ${text(state.label)}`);
  lines.push(`  [*] --> ${id(def.initial)}`);
  for (const t of def.transitions) {
    for (const from of fromStates(t)) {
      const guard = t.guard ? ` [${t.guard.not ? '非 ' : ''}${t.guard.name}]` : '';
      lines.push(`  ${id(from)} --> ${id(t.to)} : ${text(t.label)}${guard}`);
    }
  }
  for (const [name, state] of Object.entries(def.states)) {
    for (const timer of state.timers ?? []) lines.push(`  note right of ${id(name)} : 计时 ${text(timer.kind)} → ${text(timer.action)}`);
    if (state.terminal) lines.push(`  ${id(name)} --> [*]`);
  }
  return lines.join('\n');
}
