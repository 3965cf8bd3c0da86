import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INT4_MAX } from '../errors/validation';

/** The page a list route answers when none is asked for. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most rows one page may ask for: a list route never answers more (exports stream instead). */
export const MAX_PAGE_SIZE = 200;

/**
 * `?page=&pageSize=` of every list route (issue 18): page from 1, pageSize 1–200 (20 when omitted).
 * A route's query DTO extends it with its filters. Out of bounds is a 400 naming 页码 / 每页条数.
 */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: INT4_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '须为整数' })
  @Min(1, { message: '不能小于 1' })
  @Max(INT4_MAX, { message: `不能大于 ${INT4_MAX}` })
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '须为整数' })
  @Min(1, { message: '不能小于 1' })
  @Max(MAX_PAGE_SIZE, { message: `不能大于 ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}

/** The page a query asks for, with the defaults filled in, and its LIMIT / OFFSET. */
export interface PageWindow {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

export function pageWindow(query: { page?: number; pageSize?: number }, defaultPageSize = DEFAULT_PAGE_SIZE): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultPageSize;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** The one answer of a list route: the page's rows, how many there are in all, and which page this is. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, window: Pick<PageWindow, 'page' | 'pageSize'>): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}

const pageDtos = new Map<ClassType<unknown>, ClassType<Page<unknown>>>();

/**
 * The OpenAPI class of a page of `Item` (`@ApiOkResponse({ type: PageDto(RankingRowDto) })`),
 * named `<Item without Dto>PageDto`, one class per item type so the document names it once.
 */
export function PageDto<T>(item: ClassType<T>): ClassType<Page<T>> {
  const known = pageDtos.get(item);
  if (known) return known as ClassType<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ description: 'rows in all, across every page' }) total: number;
    @ApiProperty({ minimum: 1 }) page: number;
    @ApiProperty({ minimum: 1, maximum: MAX_PAGE_SIZE }) pageSize: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  pageDtos.set(item, ItemPage as ClassType<Page<unknown>>);
  return ItemPage;
}

/** `text` as a literal inside a LIKE / ILIKE pattern (its `%`, `_` and `\` match themselves). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
