import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@awardflow/platform';
import { AuditAction, AuditEntityType } from './audit-entry';

// ISO 8601: a date (a whole Beijing day) or a date-time with its offset.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AuditEntityType })
  @IsOptional()
  @IsIn(Object.values(AuditEntityType), { message: `entityType 须为以下之一：${Object.values(AuditEntityType).join('、')}` })
  entityType?: AuditEntityType;

  @ApiPropertyOptional({ description: 'the entity id (a UUID, or `<queue>:<jobId>` for a failed job)' })
  @IsOptional()
  @Matches(/^[\w:.-]{1,200}$/, { message: 'entityId 须为 1 至 200 个字母、数字或 : . _ -' })
  entityId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @IsOptional()
  @IsIn(Object.values(AuditAction), { message: 'action 不是已知的操作代码' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'the user who acted' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId 须为 UUID' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'from this instant on; a date means 00:00 Beijing time', example: '2026-05-01' })
  @IsOptional()
  @MaxLength(40)
  @Matches(INSTANT, { message: 'from 须为 ISO 8601 日期或带时区的时间' })
  from?: string;

  @ApiPropertyOptional({ description: 'up to this instant; a date means the end of that day in Beijing time', example: '2026-05-31' })
  @IsOptional()
  @MaxLength(40)
  @Matches(INSTANT, { message: 'to 须为 ISO 8601 日期或带时区的时间' })
  to?: string;
}

export class AuditActorDto {
  @ApiProperty({ nullable: true, type: String, description: 'null for the system (a timer, the worker)' }) id: string | null;
  @ApiProperty({ example: 'admin' }) role: string;
}

export class AuditRecordDto {
  @ApiProperty({ description: 'increasing: later records have larger ids' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ enum: AuditAction }) action: string;
  @ApiProperty({ enum: AuditEntityType }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({
    description: 'changed fields: {field: {from, to}}, or {field: {redacted: true}} for a secret',
    type: 'object',
    additionalProperties: { type: 'object' },
    example: { role: { from: 'reviewer', to: 'admin' } },
  })
  changes: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'facts besides the fields: a reason, related ids' }) details: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'the client address the API saw' }) clientIp: string | null;
  @ApiProperty({ type: [String], description: 'the offices the record belongs to' }) officeIds: string[];
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditRecordDto] }) items: AuditRecordDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
