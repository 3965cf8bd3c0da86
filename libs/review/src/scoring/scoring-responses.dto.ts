import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ScoredDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'every expert of the stage has scored' }) stageComplete: boolean;
}

export class CategoryFeedbackViewDto {
  @ApiProperty({ example: '4.1' }) category: string;
  @ApiPropertyOptional() strengths?: string;
  @ApiPropertyOptional() opportunities?: string;
}

class DraftItemViewDto {
  @ApiProperty() criterion: string;
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional({ description: '0 = 0%–5% … 5 = 90%–100%' }) band?: number;
}

class DraftContentDto {
  @ApiProperty({ type: [DraftItemViewDto] }) items: DraftItemViewDto[];
  @ApiPropertyOptional() comment?: string;
  @ApiPropertyOptional({ type: [CategoryFeedbackViewDto] }) categories?: CategoryFeedbackViewDto[];
}

export class ScoreDraftDto {
  @ApiProperty({ type: DraftContentDto, nullable: true, description: 'null when no draft is kept' }) draft: DraftContentDto | null;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
  @ApiProperty({ description: 'scores (and drafts) are still accepted: the stage is open' }) open: boolean;
}

export class DraftSavedDto {
  @ApiProperty() updatedAt: Date;
}
