import { ApiProperty } from '@nestjs/swagger';

export class ScoredDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'every expert of the stage has scored' }) stageComplete: boolean;
}
