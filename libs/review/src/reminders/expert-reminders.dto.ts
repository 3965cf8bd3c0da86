import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageDto } from '@awardflow/platform';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

/** An expert with reviews of the cycle still to finish (提醒专家). */
export class ExpertReminderRowDto {
  @ApiProperty() reviewerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'reviews assigned and not scored' }) pending: number;
  @ApiProperty({ description: 'of those, past their due time' }) overdue: number;
  @ApiProperty({ type: Date, description: 'the earliest due time of the pending reviews' }) earliestDueAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'when the office last reminded the expert of this cycle' }) lastRemindedAt: Date | null;
  @ApiProperty({ description: 'reminded within the last 24 hours: a new reminder would skip the expert' }) recentlyReminded: boolean;
}

export const ExpertReminderRowPageDto = PageDto(ExpertReminderRowDto);

export class SendExpertRemindersDto {
  @ApiPropertyOptional({ type: [String], description: 'the experts to remind (default: every expert with pending reviews in the cycle)', maxItems: 500 })
  @IsOptional()
  @IsArray({ message: '须为专家编号的列表' })
  @ArrayMaxSize(500, { message: '一次最多提醒 500 位专家' })
  @ArrayUnique({ message: '专家编号不能重复' })
  @IsUUID('all', { each: true, message: '每一项须为有效的专家编号' })
  reviewerIds?: string[];
}

export class ExpertReminderSkipDto {
  @ApiProperty() reviewerId: string;
  @ApiProperty({ description: 'why, in Chinese' }) message: string;
}

export class ExpertRemindersSentDto {
  @ApiProperty({ type: [String], description: 'the experts reminded now' }) reminded: string[];
  @ApiProperty({ type: [ExpertReminderSkipDto] }) skipped: ExpertReminderSkipDto[];
}
