import { Readable } from 'node:stream';

/** What a spreadsheet reads as the start of a formula (OWASP's list: =, +, -, @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-3.0", "+2") is no formula, and must stay a number in the sheet. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** Excel opens UTF-8 CSV correctly only with a byte order mark. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * One CSV cell, always quoted with its quotes doubled; a text a spreadsheet would run as a formula
 * (`=HYPERLINK(…)` as an organisation name) is prefixed with `'`, so Excel and WPS show it as text.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole export: every cell through csvCell, CRLF lines, UTF-8 with a BOM. Use it for every CSV we serve. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<unknown>>): Buffer {
  return Buffer.concat([BOM, csvLines(rows)]);
}

/**
 * The same document as csvDocument, streamed: the BOM and the header first, then each batch of rows
 * as it comes (from sqlCursor), one chunk per batch. Pulled by whoever reads it, so a slow client
 * slows the batches down instead of piling them up in memory.
 */
export function csvStream<T>(header: ReadonlyArray<unknown>, batches: AsyncIterable<T[]> & { close?: () => Promise<void> }, toRow: (item: T) => ReadonlyArray<unknown>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.concat([BOM, csvLines([header])]);
    for await (const batch of batches) if (batch.length) yield csvLines(batch.map(toRow));
  }
  const stream = Readable.from(chunks(), { objectMode: false });
  // Destroyed before its first read (the client left at once), the generator never starts, so
  // its loop cannot close the source: the stream does (a cursor gives its connection back).
  if (batches.close) stream.once('close', () => void batches.close!().catch(() => undefined));
  return stream;
}

function csvLines(rows: ReadonlyArray<ReadonlyArray<unknown>>): Buffer {
  return Buffer.from(rows.map((row) => row.map(csvCell).join(',') + '\r\n').join(''), 'utf8');
}
