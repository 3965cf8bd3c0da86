import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';

/** The content type of an .xlsx answer. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One sheet of a streamed workbook: its header, then its rows a batch at a time (from sqlCursor, or pages). */
export interface XlsxSheet<T> {
  name: string;
  header: ReadonlyArray<string>;
  batches: AsyncIterable<T[]> & { close?: () => Promise<void> };
  toRow: (item: T) => ReadonlyArray<string | number | null | undefined>;
  /** Column widths in characters (Chinese text is about two a character). */
  widths?: ReadonlyArray<number>;
}

/** A sheet whose rows are already at hand (a summary of a few lines). */
export function fixedSheet<T>(name: string, header: ReadonlyArray<string>, rows: T[], toRow: XlsxSheet<T>['toRow'], widths?: ReadonlyArray<number>): XlsxSheet<T> {
  return { name, header, toRow, widths, batches: (async function* () { yield rows; })() };
}

/**
 * An .xlsx workbook streamed as it is written (exceljs's WorkbookWriter, as the statistics export):
 * each committed row goes out and is released. The sheets are read one after the other, a batch at
 * a time, and the next batch is asked for only once the client has taken what came before (the
 * stream's buffer drained), so memory stays flat whatever the size. Cells are values, never
 * formulas: a text starting with `=` stays text in Excel and WPS. Destroyed early (the client left),
 * it stops and closes every source (a cursor gives its connection back).
 */
export function xlsxStream(sheets: ReadonlyArray<XlsxSheet<any>>): Readable {
  const out = new PassThrough();
  let closed = false;
  out.once('close', () => {
    closed = true;
    for (const s of sheets) void s.batches.close?.().catch(() => undefined);
  });
  const run = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Awardflow';
    for (const spec of sheets) {
      if (closed) return;
      const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      if (spec.widths) ws.columns = spec.widths.map((width) => ({ width }));
      const header = ws.addRow([...spec.header]);
      header.font = { bold: true };
      header.commit();
      for await (const batch of spec.batches) {
        for (const item of batch) ws.addRow(spec.toRow(item).map((v) => (v === undefined ? null : v))).commit();
        if (closed) return;
        if (out.writableNeedDrain) await drainedOrClosed(out);
      }
      ws.commit();
    }
    await workbook.commit();
  };
  run().catch((error: Error) => out.destroy(error));
  return out;
}

function drainedOrClosed(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
