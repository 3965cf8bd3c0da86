import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The most applications one bulk action takes (one transaction's worth). */
export const MAX_BULK_APPLICATIONS = 1000;

export class BulkActionDto {
  @ApiProperty({ type: [String], description: `the applications of this cycle, 1 to ${MAX_BULK_APPLICATIONS}`, maxItems: MAX_BULK_APPLICATIONS })
  @IsArray({ message: '须为申报编号的列表' })
  @ArrayMinSize(1, { message: '至少选择 1 项申报' })
  @ArrayMaxSize(MAX_BULK_APPLICATIONS, { message: `一次最多办理 ${MAX_BULK_APPLICATIONS} 项申报` })
  @ArrayUnique({ message: '申报编号不能重复' })
  @IsUUID('all', { each: true, message: '每一项须为有效的申报编号' })
  applicationIds: string[];

  @ApiPropertyOptional({ description: 'remark written into each application\'s history' }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class BulkMovedDto {
  @ApiProperty() applicationId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class BulkSkippedDto {
  @ApiProperty() applicationId: string;
  @ApiPropertyOptional({ description: 'its state (absent when no such application is in the cycle)' }) state?: string;
  @ApiProperty({ description: 'the error code the single action would have answered' }) code: string;
  @ApiProperty({ description: 'why, in Chinese' }) message: string;
}

export class BulkActionResultDto {
  @ApiProperty() action: string;
  @ApiProperty({ type: [BulkMovedDto] }) moved: BulkMovedDto[];
  @ApiProperty({ type: [BulkSkippedDto] }) skipped: BulkSkippedDto[];
}
