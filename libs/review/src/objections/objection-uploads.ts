import { MaterialStorage, sniffMaterial } from '@awardflow/applications';
import { DomainError, ErrorCode, FieldValidationError } from '@awardflow/platform';
import { StoredFile } from './objections.repository';

export const MAX_OBJECTION_FILES = 5;
export const MAX_OBJECTION_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' } as const;

export interface UploadedObjectionFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Evidence and 申辩 files: PDF or pictures by their bytes, at most five of 10 MiB, stored by hash. */
export async function storeObjectionFiles(storage: MaterialStorage, files: readonly UploadedObjectionFile[] | undefined, field = 'files'): Promise<StoredFile[]> {
  const list = files ?? [];
  if (list.length > MAX_OBJECTION_FILES) throw new FieldValidationError([{ field, messages: [`至多上传 ${MAX_OBJECTION_FILES} 个文件`] }]);
  const checked = list.map((f) => {
    if (f.size === 0) throw new FieldValidationError([{ field, messages: [`文件「${f.originalname}」是空的`] }]);
    if (f.size > MAX_OBJECTION_FILE_BYTES) throw new DomainError(ErrorCode.FileTooLarge, { limitMb: MAX_OBJECTION_FILE_BYTES / 2 ** 20 });
    const sniffed = sniffMaterial(f.buffer);
    if (sniffed.kind !== 'pdf' && sniffed.kind !== 'png' && sniffed.kind !== 'jpg') {
      throw new DomainError(ErrorCode.FileTypeNotAccepted, { accepted: ['PDF', 'JPG', 'PNG'], detected: sniffed.detected });
    }
    return { f, contentType: ACCEPTED[sniffed.kind] };
  });
  const stored: StoredFile[] = [];
  for (const { f, contentType } of checked) {
    stored.push({ sha256: await storage.put(f.buffer), fileName: [...f.originalname].slice(0, 200).join('') || '证据', contentType, sizeBytes: f.size });
  }
  return stored;
}
