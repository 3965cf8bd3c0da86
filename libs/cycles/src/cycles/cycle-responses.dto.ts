import { ApiProperty } from '@nestjs/swagger';
import { CycleDto } from './cycle.dto';

export class ClosedCycleDto extends CycleDto {
  @ApiProperty({ description: 'submitted applications moved into review' }) movedToReview: number;
  @ApiProperty({ description: 'drafts that expired' }) expired: number;
}
