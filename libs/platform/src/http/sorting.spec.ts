import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation';
import { orderBySql, parseSort, SortParam, sortValues } from './sorting';

const COLUMNS = { name: 'o.name', createdAt: 'o.created_at' } as const;

class SampleQuery {
  @SortParam(Object.keys(COLUMNS), ['名称', '注册时间'], 'name') sort?: string;
}

const errorsOf = (query: Record<string, string>) => flattenValidationErrors(validateSync(plainToInstance(SampleQuery, query)));

describe('sorting contract', () => {
  it('offers each column either way and maps only whitelisted keys to SQL', () => {
    expect(sortValues(['name', 'createdAt'])).toEqual(['name', '-name', 'createdAt', '-createdAt']);
    expect(parseSort('-createdAt', COLUMNS)).toEqual({ column: 'o.created_at', descending: true });
    expect(parseSort('constructor', COLUMNS)).toBeNull();
    expect(orderBySql('name', COLUMNS, 'o.id', 'o.name, o.id')).toBe('o.name ASC NULLS LAST, o.id');
    expect(orderBySql('-name', COLUMNS, 'o.id', 'o.name, o.id')).toBe('o.name DESC NULLS LAST, o.id');
    expect(orderBySql(undefined, COLUMNS, 'o.id', 'o.name, o.id')).toBe('o.name, o.id');
  });

  it('answers an unknown column naming 排序 and the columns in Chinese', () => {
    expect(errorsOf({ sort: '-createdAt' })).toEqual([]);
    expect(errorsOf({ sort: 'password' })).toEqual([{ field: 'sort', label: '排序', messages: ['只能按名称或注册时间排序（name、-name、createdAt、-createdAt）'] }]);
  });
});
