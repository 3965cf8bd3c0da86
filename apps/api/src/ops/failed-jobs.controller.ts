import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { Role, Roles } from '@awardflow/identity';
import { reopenFailedDelivery } from '@awardflow/notifications';
import { ALL_QUEUES, NotFoundError, QueueName, QueueService } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { FailedJobDto, RetriedJobDto } from './failed-job.dto';

export class FailedJobsQuery {
  @ApiPropertyOptional({ enum: Object.values(QueueName) }) @IsOptional() @IsIn(Object.values(QueueName)) queue?: QueueName;
}

/**
 * Jobs that used up their retries stay in BullMQ's failed set; admins see and retry them here.
 * A job is addressed as `<queue>:<jobId>` (URL-encoded in the path).
 */
@ApiTags('admin')
@Roles(Role.Admin)
@ApiBearerAuth()
@Controller('admin/jobs')
export class FailedJobsController {
  constructor(
    private readonly queues: QueueService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @Get('failed')
  @ApiOperation({ summary: 'Jobs that failed after all their retries, newest first' })
  @ApiOkResponse({ type: [FailedJobDto] })
  async failed(@Query() query: FailedJobsQuery) {
    const names = query.queue ? [query.queue] : ALL_QUEUES;
    const lists = await Promise.all(
      names.map(async (name) =>
        (await this.queues.queue(name).getFailed(0, 199)).map((job) => ({
          id: `${name}:${job.id}`,
          queue: name,
          jobId: job.id,
          name: job.name,
          data: job.data,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          timestamp: job.timestamp,
          finishedOn: job.finishedOn ?? null,
        })),
      ),
    );
    return lists.flat().sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed job; id is `<queue>:<jobId>`' })
  @ApiOkResponse({ type: RetriedJobDto })
  async retry(@Param('id') id: string) {
    const separator = id.indexOf(':');
    const queueName = id.slice(0, separator) as QueueName;
    const jobId = id.slice(separator + 1);
    if (separator < 0 || !ALL_QUEUES.includes(queueName)) throw new NotFoundError('job', id);
    const job = await this.queues.queue(queueName).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundError('failed job', id);
    if (queueName === QueueName.Notifications) {
      await reopenFailedDelivery(this.dataSource, job.data.deliveryId);
    }
    await job.retry('failed');
    await this.audit.record({ action: AuditAction.FailedJobRetried, entityType: AuditEntityType.FailedJob, entityId: id, details: { queue: queueName, name: job.name, failedReason: job.failedReason, attemptsMade: job.attemptsMade } });
    return { id, retried: true };
  }
}
