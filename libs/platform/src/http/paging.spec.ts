import { describe, expect, it } from '@jest/globals';
import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation';
import { PageDto, pageOf, PageQuery, pageWindow } from './paging';

class SampleRowDto {
  @ApiProperty() id: string;
}

const errorsOf = (query: Record<string, string>) => flattenValidationErrors(validateSync(plainToInstance(PageQuery, query)));

describe('paging contract', () => {
  it('fills the defaults and turns a page into LIMIT/OFFSET', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 20, limit: 20, offset: 0 });
    expect(pageWindow({ page: 3, pageSize: 50 })).toEqual({ page: 3, pageSize: 50, limit: 50, offset: 100 });
    expect(pageWindow({ page: 2 }, 50)).toEqual({ page: 2, pageSize: 50, limit: 50, offset: 50 });
    expect(pageOf(['a'], 41, { page: 3, pageSize: 20 })).toEqual({ items: ['a'], total: 41, page: 3, pageSize: 20 });
  });

  it('takes query strings within the bounds and names the field in Chinese outside them', () => {
    expect(errorsOf({ page: '2', pageSize: '200' })).toEqual([]);
    expect(errorsOf({ pageSize: '201' })).toEqual([{ field: 'pageSize', label: '每页条数', messages: ['不能大于 200'] }]);
    expect(errorsOf({ page: '0', pageSize: 'x' })).toEqual([
      { field: 'page', label: '页码', messages: ['不能小于 1'] },
      { field: 'pageSize', label: '每页条数', messages: ['须为整数'] },
    ]);
  });

  it('names one OpenAPI class per item type', () => {
    const page = PageDto(SampleRowDto);
    expect(page.name).toBe('SampleRowPageDto');
    expect(PageDto(SampleRowDto)).toBe(page);
  });
});
