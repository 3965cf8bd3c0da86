import { describe, expect, it } from '@jest/globals';
import { csvCell, csvDocument, csvStream } from './csv';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://evil.example","点我")', '+1+cmd|calc', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'])('neutralises %j so it stays text', (text) => {
    const cell = csvCell(text);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell).toBe(`"'${text.replace(/"/g, '""')}"`);
  });

  it('leaves ordinary text and plain numbers as they are', () => {
    expect(csvCell('重庆示例精密制造有限公司')).toBe('"重庆示例精密制造有限公司"');
    expect(csvCell('-3.0')).toBe('"-3.0"');
    expect(csvCell('+2')).toBe('"+2"');
    expect(csvCell(12.5)).toBe('"12.5"');
    expect(csvCell(-1)).toBe('"-1"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});

describe('csvDocument', () => {
  it('is UTF-8 with a BOM and CRLF lines, every cell through csvCell', () => {
    const doc = csvDocument([
      ['排名', '申报单位'],
      [1, '=1+1'],
    ]);
    expect([...doc.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(doc.subarray(3).toString('utf8')).toBe(`"排名","申报单位"\r\n"1","'=1+1"\r\n`);
  });
});

describe('csvStream', () => {
  it('streams the same bytes as csvDocument, one chunk per batch after the header', async () => {
    async function* batches() {
      yield [{ rank: 1, name: '=1+1' }];
      yield [];
      yield [{ rank: 2, name: '重庆示例' }, { rank: 3, name: 'a"b' }];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of csvStream(['排名', '申报单位'], batches(), (r) => [r.rank, r.name])) chunks.push(chunk as Buffer);
    expect(chunks).toHaveLength(3);
    expect(Buffer.concat(chunks)).toEqual(
      csvDocument([
        ['排名', '申报单位'],
        [1, '=1+1'],
        [2, '重庆示例'],
        [3, 'a"b'],
      ]),
    );
  });
});
