/** Media types materials may have, decided from the bytes, never from the file name. */
export const ALLOWED_MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type AllowedKind = keyof typeof ALLOWED_MEDIA_TYPES;

export interface Sniffed {
  kind: AllowedKind | null;
  /** What the bytes look like, in Chinese, for the refusal message. */
  detected: string;
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * PDF, PNG and JPEG by their signatures; DOCX and XLSX are ZIP archives told apart by the
 * entries their central directory names (word/ or xl/). Anything else is refused.
 */
export function sniffMaterial(buf: Buffer): Sniffed {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', detected: 'PDF' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', detected: 'PNG' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'jpg', detected: 'JPEG' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buf);
    if (names.some((n) => n.startsWith('word/'))) return { kind: 'docx', detected: 'Word（DOCX）' };
    if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx', detected: 'Excel（XLSX）' };
    return { kind: null, detected: 'ZIP 压缩包' };
  }
  if (startsWith(buf, [0x4d, 0x5a])) return { kind: null, detected: 'Windows 可执行程序' };
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return { kind: null, detected: 'ELF 可执行程序' };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: null, detected: '旧版 Office 格式（DOC/XLS）' };
  return { kind: null, detected: '无法识别的内容' };
}

/** Entry names from a ZIP's central directory (found through the end-of-central-directory record). */
function zipEntryNames(buf: Buffer): string[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count && offset + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) break;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push(buf.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
