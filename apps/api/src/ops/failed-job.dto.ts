import { ApiProperty } from '@nestjs/swagger';
import { QueueName } from '@awardflow/platform';

export class FailedJobDto {
  @ApiProperty({ example: 'notifications:42', description: '`<queue>:<jobId>`' }) id: string;
  @ApiProperty({ enum: Object.values(QueueName) }) queue: QueueName;
  @ApiProperty({ type: String }) jobId: string | undefined;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the job data as queued' }) data: unknown;
  @ApiProperty() failedReason: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ description: 'epoch milliseconds' }) timestamp: number;
  @ApiProperty({ nullable: true, type: Number }) finishedOn: number | null;
}

export class RetriedJobDto {
  @ApiProperty() id: string;
  @ApiProperty() retried: boolean;
}
