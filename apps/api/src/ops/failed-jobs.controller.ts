import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { Role, Roles } from '@awardflow/identity';
import { reopenFailedDelivery } from '@awardflow/notifications';
import { ALL_QUEUES, NotFoundError, PageDto, pageOf, PageQuery, pageWindow, QueueName, QueueService } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { FailedJobDto, RetriedJobDto } from './failed-job.dto';

export const FailedJobPageDto = PageDto(FailedJobDto);

export class FailedJobsQuery extends PageQuery {
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
  @ApiOperation({ summary: 'A page of the jobs that failed after all their retries, newest first' })
  @ApiOkResponse({ type: FailedJobPageDto })
  async failed(@Query() query: FailedJobsQuery) {
    const window = pageWindow(query);
    const names = query.queue ? [query.queue] : ALL_QUEUES;
    // Each queue's failed set is ordered by when its jobs failed, newest first: the page of the
    // merged list lies within the first offset + limit of every queue's.
    const end = window.offset + window.limit - 1;
    const lists = await Promise.all(
      names.map(async (name) => {
        const queue = this.queues.queue(name);
        const [jobs, count] = await Promise.all([queue.getFailed(0, end), queue.getFailedCount()]);
        const rows = jobs.map((job) => ({
          id: `${name}:${job.id}`,
          queue: name,
          jobId: job.id,
          name: job.name,
          data: job.data,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          timestamp: job.timestamp,
          finishedOn: job.finishedOn ?? null,
        }));
        return { rows, count };
      }),
    );
    const merged = lists.flatMap((l) => l.rows).sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0));
    const total = lists.reduce((sum, l) => sum + l.count, 0);
    return pageOf(merged.slice(window.offset, window.offset + window.limit), total, window);
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
