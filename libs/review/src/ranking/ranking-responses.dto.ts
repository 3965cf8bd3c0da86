import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiPropertyOptional() organizationName?: string;
  @ApiProperty({ description: 'the expert aggregate plus the 现场评审 adjustment' }) score: number;
  @ApiProperty() aggregated: number;
  @ApiProperty() onsiteAdjustment: number;
  @ApiProperty() resultsSubtotal: number;
  @ApiProperty() reviewerCount: number;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, enum: ['award', 'second_tier'] }) insideQuota: 'award' | 'second_tier' | null;
}

export class ShortlistOutcomeDto {
  @ApiProperty({ type: [String] }) shortlisted: string[];
  @ApiProperty({ type: [String] }) notShortlisted: string[];
}
