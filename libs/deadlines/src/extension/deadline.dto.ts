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

export class DeadlineApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: '受理编号 (null before submission)' }) receiptNumber: string | null;
  @ApiProperty({ nullable: true, type: String, description: '申报单位' }) organizationName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the nominated project or product, where the award names one' }) subjectName: string | null;
}

/** A row of the office's deadline list: the deadline with its cycle and application. */
export class ListedDeadlineDto extends DeadlineDto {
  @ApiProperty({ nullable: true, type: String, description: 'the cycle it belongs to' }) cycleId: string | null;
  @ApiProperty({ nullable: true, type: DeadlineApplicationDto, description: "the application, for an application's own deadline" }) application: DeadlineApplicationDto | null;
}
