import { ApiProperty } from '@nestjs/swagger';

export class DeadlineDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) instanceId: string | null;
  @ApiProperty({ example: 'supplement' }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'the workflow action fired when it falls due' }) action: string | null;
  @ApiProperty({ nullable: true, type: String }) event: string | null;
  @ApiProperty({ enum: ['pending', 'fired', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ nullable: true, type: Date }) firedAt: Date | null;
  @ApiProperty({ description: 'bumped by every extension' }) generation: number;
}

export class ExtendedDeadlinesDto {
  @ApiProperty({ description: 'pending deadlines moved' }) extended: number;
}
