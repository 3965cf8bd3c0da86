import { ApiProperty } from '@nestjs/swagger';

export class ReviewerProfileDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String], description: 'GB/T 4754 sections or codes' }) expertise: string[];
  @ApiProperty({ type: [String], description: 'credit codes of organisations the expert is tied to' }) ties: string[];
  @ApiProperty() maxLoad: number;
  @ApiProperty() active: boolean;
  @ApiProperty() openAssignments: number;
}
