import { fromStates } from './verify-definition';
import { WorkflowDefinition } from './definition.types';

/**
 * How the names a definition refers to read in the picture. The engine knows guards and timers by
 * code only; the context that registers them knows what they mean to the people reading the
 * diagram (an office, not a developer).
 */
export interface DiagramLabels {
  /** A guard as it holds and as it does not, e.g. 计票通过 / 计票未通过. */
  guard?: (name: string) => { holds: string; fails: string } | undefined;
  /** A timer by its kind, e.g. 申报截止. */
  timer?: (kind: string) => string | undefined;
}

/** A Mermaid stateDiagram-v2 of the definition, with zh-CN labels: the picture is the code. */
export function renderMermaid(def: WorkflowDefinition, labels: DiagramLabels = {}): string {
  const id = (state: string) => state.replace(/[^A-Za-z0-9_]/g, '_');
  const text = (label: string) => label.replace(/["\n:;]/g, ' ');
  const lines = ['stateDiagram-v2'];
  for (const [name, state] of Object.entries(def.states)) lines.push(`  ${id(name)} : ${text(state.label)}`);
  lines.push(`  [*] --> ${id(def.initial)}`);
  for (const t of def.transitions) {
    for (const from of fromStates(t)) {
      let guard = '';
      if (t.guard) {
        const named = labels.guard?.(t.guard.name);
        guard = named ? ` [${t.guard.not ? named.fails : named.holds}]` : ` [${t.guard.not ? '非 ' : ''}${t.guard.name}]`;
      }
      lines.push(`  ${id(from)} --> ${id(t.to)} : ${text(t.label)}${guard}`);
    }
  }
  for (const [name, state] of Object.entries(def.states)) {
    for (const timer of state.timers ?? []) {
      const kind = labels.timer?.(timer.kind);
      // The action a timer fires reads as the transition it takes out of this state.
      const fired = kind && def.transitions.find((t) => t.action === timer.action && fromStates(t).includes(name));
      lines.push(kind && fired ? `  note right of ${id(name)} : 计时 ${text(kind)} → ${text(fired.label)}` : `  note right of ${id(name)} : 计时 ${text(timer.kind)} → ${text(timer.action)}`);
    }
    if (state.terminal) lines.push(`  ${id(name)} --> [*]`);
  }
  return lines.join('\n');
}
