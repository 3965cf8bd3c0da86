import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError } from '../errors/domain-error';
import { validationFailed } from '../errors/validation';

const NUL = '\u0000';
/** Enough to show the pattern; a body full of NULs need not be listed whole. */
const MAX_REPORTED = 20;
const NUL_MESSAGE = '不能包含 NUL 字符（\\u0000）';
const NUMBER_MESSAGE = `数值超出可接受的范围（绝对值不超过 ${Number.MAX_SAFE_INTEGER}）`;

/**
 * Refuses, before any DTO validation, what no column can hold, naming each field: a NUL character
 * in any string or key (Postgres text and jsonb reject it) and a number that is not finite or lies
 * beyond ±(2^53 − 1) (1e308 in a form, a payload or a score). Global: every body, query and route
 * parameter passes through it, so no route can forget it. Integer columns are bounded further by
 * the DTOs (`@Max(INT4_MAX)` or a domain limit).
 */
@Injectable()
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const fields = unstorableFields(value, metadata.data ?? '');
    if (fields.length > 0) throw validationFailed(fields);
    return value;
  }
}

/** Every unstorable value under `value`, breadth first, as `form.keyResults.0.value`-style paths. */
export function unstorableFields(value: unknown, root = ''): FieldError[] {
  const found: FieldError[] = [];
  const queue: Array<[unknown, string]> = [[value, root]];
  for (let i = 0; i < queue.length && found.length < MAX_REPORTED; i++) {
    const [item, path] = queue[i];
    if (typeof item === 'string') {
      if (item.includes(NUL)) found.push({ field: shown(path), messages: [NUL_MESSAGE] });
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item) || Math.abs(item) > Number.MAX_SAFE_INTEGER) found.push({ field: shown(path), messages: [NUMBER_MESSAGE] });
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => queue.push([element, join(path, String(index))]));
    } else if (isPlainObject(item)) {
      for (const [key, element] of Object.entries(item)) {
        const child = join(path, key);
        if (key.includes(NUL)) found.push({ field: shown(child), messages: [NUL_MESSAGE] });
        else queue.push([element, child]);
      }
    }
  }
  return found;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A path as a person can read it: the NUL itself would cut the message short in many clients. */
function shown(path: string): string {
  return path.replaceAll(NUL, '\\u0000') || '(请求体)';
}

/** JSON bodies, query objects (null prototype) and multer's file description; never a Buffer or a stream. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
