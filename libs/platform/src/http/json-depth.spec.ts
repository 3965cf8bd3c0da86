import { describe, expect, it } from '@jest/globals';
import { exceedsJsonDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('exceedsJsonDepth', () => {
  it('counts objects and arrays, and passes at the limit', () => {
    expect(exceedsJsonDepth(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":[{"b":{}}]}'), 3)).toBe(true);
    expect(exceedsJsonDepth(bytes('[[],[],[],[]]'), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify({ text: '[[[[{{{{' })), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ text: 'say \\"[[[[\\" "{{{{' })), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ text: '\\', next: [[1]] })), 2)).toBe(true);
  });

  it('reads Chinese text without mistaking its bytes for structure', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify({ 自评: '领导作用【突出】｛示例｝' })), 1)).toBe(false);
  });

  it('stops early on a body nested 100 000 levels deep', () => {
    const deep = bytes('['.repeat(100_000) + ']'.repeat(100_000));
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
  });
});
