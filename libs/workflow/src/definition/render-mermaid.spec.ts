import { describe, expect, it } from '@jest/globals';
import { sampleDefinition } from '../testing/sample-definitions';
import { renderMermaid } from './render-mermaid';

describe('renderMermaid', () => {
  it('draws states with zh-CN labels, transitions, guards, timers and ends', () => {
    const text = renderMermaid(sampleDefinition());
    const lines = text.split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  draft : 草稿');
    expect(lines).toContain('  [*] --> draft');
    expect(lines).toContain('  draft --> submitted : 提交申报');
    expect(lines).toContain('  panel --> rejected : 表决未通过 [非 vote_passed]');
    expect(lines).toContain('  supplement_requested : 待补正');
    expect(lines).toContain('  note right of supplement_requested : 计时 supplement → supplement_expired');
    expect(lines).toContain('  awarded --> [*]');
    // withdraw from three states is drawn three times
    expect(lines.filter((l) => l.endsWith(': 撤回'))).toHaveLength(3);
  });
});
