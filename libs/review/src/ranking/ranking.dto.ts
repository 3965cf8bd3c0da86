import { ApiPropertyOptional } from '@nestjs/swagger';
import { AT_MOST, INT4_MAX, PageQuery, SortParam, SortValue } from '@awardflow/platform';
import { RANKING_SORT_COLUMNS } from './ranking.query';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class ShortlistDto {
  @ApiPropertyOptional({ description: 'the top N by rank' }) @IsOptional() @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) top?: number;
  @ApiPropertyOptional({ description: 'or everyone at or above this score' }) @IsOptional() @IsNumber() @Min(0) minScore?: number;
}

/**
 * `?page=&pageSize=` of the ranking: the shared bounds (pageSize 1–200, 20 when omitted); `?sort=`
 * 得分 (score), 受理编号 or 申报单位 either way, rank order when omitted.
 */
export class RankingQuery extends PageQuery {
  @SortParam(Object.keys(RANKING_SORT_COLUMNS), ['得分', '受理编号', '申报单位'], 'rank')
  sort?: SortValue<keyof typeof RANKING_SORT_COLUMNS>;
}
