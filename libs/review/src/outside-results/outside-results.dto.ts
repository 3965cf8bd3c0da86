import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '须为 YYYY-MM-DD 格式的日期，如 2026-11-20';

/** What the office records of a result decided above it. */
export class RecordOutsideResultDto {
  @ApiPropertyOptional({ example: '中国建筑业协会', description: "where the selection went; default: the award's chain" })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  recommendedTo?: string;

  @ApiProperty({ example: '2026-06-30', description: 'the day it was sent up (YYYY-MM-DD)' })
  @Matches(DAY, { message: DAY_MESSAGE })
  recommendedOn: string;

  @ApiPropertyOptional({ enum: ['pending', 'awarded', 'not_awarded'], default: 'pending', description: 'pending until the body above has decided' })
  @IsOptional()
  @IsIn(['pending', 'awarded', 'not_awarded'], { message: '须为 pending（待评定）、awarded（获评）或 not_awarded（未获评）之一' })
  outcome?: 'pending' | 'awarded' | 'not_awarded';

  @ApiPropertyOptional({ example: '建协〔2026〕18号', description: "the decision's 文号 (required when awarded)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  documentNumber?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'the day the body above decided (YYYY-MM-DD; with an outcome)' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  decidedOn?: string;

  @ApiPropertyOptional({ example: '2026—2027年度第一批' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** A result decided above the office, as the enterprise and the office read it. */
export class OutsideResultDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ example: '中国建筑业协会' }) recommendedTo: string;
  @ApiProperty({ example: '2026-06-30' }) recommendedOn: string;
  @ApiProperty({ enum: ['pending', 'awarded', 'not_awarded'] }) outcome: string;
  @ApiProperty({ example: '荣获2026年度鲁班奖', description: 'the outcome as worded for a reader: 推荐参评… while pending, 荣获… once conferred' }) outcomeText: string;
  @ApiProperty({ nullable: true, type: String, example: '建协〔2026〕18号' }) documentNumber: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-20' }) decidedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: '初审、现场复查、评审委员会投票', description: 'what happens above, for the reader' }) stagesAbove: string;
  @ApiProperty() revision: number;
  @ApiProperty() updatedAt: Date;
}

export class OutsideChainViewDto {
  @ApiProperty({ example: '中国建筑业协会' }) recommendedTo: string;
  @ApiProperty({ example: '初审、现场复查、评审委员会投票' }) stagesAbove: string;
}

/** What became of an application above the office: whether its award has a chain, and what is recorded (null until the office records it). */
export class OutsideResultViewDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: OutsideChainViewDto, description: "null: the office confers the award itself" }) chain: OutsideChainViewDto | null;
  @ApiProperty({ nullable: true, type: OutsideResultDto, description: 'null until the office records it' }) result: OutsideResultDto | null;
}
