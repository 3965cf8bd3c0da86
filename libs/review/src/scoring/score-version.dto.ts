import { ApiProperty } from '@nestjs/swagger';

export class ScoreItemDto {
  @ApiProperty({ example: '4.1.1' }) criterion: string;
  @ApiProperty({ example: 48.5 }) score: number;
}

export class ScoreVersionDto {
  @ApiProperty({ description: '1 for the first submission, then one more per overwrite' }) version: number;
  @ApiProperty({ type: [ScoreItemDto] }) items: ScoreItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() comment: string;
  @ApiProperty() recordedAt: Date;
  @ApiProperty({ description: 'the version the ranking uses (the latest)' }) current: boolean;
}
