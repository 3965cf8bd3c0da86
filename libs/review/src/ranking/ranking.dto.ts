import { ApiPropertyOptional } from '@nestjs/swagger';
import { AT_MOST, INT4_MAX, PageQuery } from '@awardflow/platform';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class ShortlistDto {
  @ApiPropertyOptional({ description: 'the top N by rank' }) @IsOptional() @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) top?: number;
  @ApiPropertyOptional({ description: 'or everyone at or above this score' }) @IsOptional() @IsNumber() @Min(0) minScore?: number;
}

/** `?page=&pageSize=` of the ranking: the shared bounds (pageSize 1–200, 20 when omitted). */
export class RankingQuery extends PageQuery {}
