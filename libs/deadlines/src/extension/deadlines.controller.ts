import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageDto, PageQuery, SortParam, SortValue } from '@awardflow/platform';
import { DEADLINE_SORT_COLUMNS } from '@awardflow/workflow';
import { DeadlineExtension } from './deadline-extension';
import { DeadlineDto, ExtendedDeadlinesDto, ListedDeadlineDto } from './deadline.dto';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export class ExtendDeadlineDto {
  @ApiPropertyOptional({ example: '2026-06-15', description: 'new due time; a date means the end of that day (Beijing)' })
  @IsOptional()
  @Matches(INSTANT, { message: '须为日期（YYYY-MM-DD）或带时区的 ISO 8601 时间' })
  dueAt?: string;
  @ApiPropertyOptional({ example: 'P7D', description: 'or: move it later by this ISO 8601 duration' })
  @IsOptional()
  @Matches(ISO_DURATION, { message: '须为 ISO 8601 时长（如 P7D）' })
  by?: string;
  @ApiProperty({ example: '企业申请延期补正，理由充分' }) @IsString() @MinLength(2) @MaxLength(1000) reason: string;
}

export class ExtendCycleDeadlinesDto extends ExtendDeadlineDto {
  @ApiProperty({ enum: ['application_window_close', 'supplement', 'publicity_end', 'review_due', 'review_reminder', 'recognition_expiry', 'rectification_due'] })
  @IsIn(['application_window_close', 'supplement', 'publicity_end', 'review_due', 'review_reminder', 'recognition_expiry', 'rectification_due'])
  kind: string;
}

export class ListDeadlinesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') instanceId?: string;
  @ApiPropertyOptional({ example: 'supplement' }) @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: '不是有效的期限类型' }) kind?: string;
  @ApiPropertyOptional({ enum: ['pending', 'fired', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending', 'fired', 'cancelled'], { message: '只能是 pending（待到期）、fired（已到期处理）或 cancelled（已取消）' })
  status?: string;
  @ApiPropertyOptional({ description: "only the cycle's deadlines" }) @IsOptional() @IsUUID('all', { message: '须为评审周期的 id（UUID）' }) cycleId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only pending deadlines already past due' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '只能是 true 或 false' })
  overdue?: 'true' | 'false';
  @SortParam(Object.keys(DEADLINE_SORT_COLUMNS), ['到期时间', '类型'], 'dueAt')
  sort?: SortValue<keyof typeof DEADLINE_SORT_COLUMNS>;
}

export const DeadlinePageDto = PageDto(ListedDeadlineDto);

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly extension: DeadlineExtension,
    private readonly applications: ApplicationsService,
  ) {}

  @Get('admin/deadlines')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Deadlines of the admin's offices" })
  @ApiOkResponse({ type: DeadlinePageDto })
  list(@Query() query: ListDeadlinesQuery, @CurrentUser() admin: AuthUser) {
    return this.extension.list({ ...query, overdue: query.overdue === 'true' }, admin.officeIds);
  }

  @Post('admin/deadlines/:id/extend')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend one deadline (and move its reminders by the same time)' })
  @ApiOkResponse({ type: DeadlineDto })
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtendDeadlineDto, @CurrentUser() admin: AuthUser) {
    return this.extension.extendOne(id, body, admin);
  }

  @Post('cycles/:id/deadlines/extend')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend every pending deadline of a kind in the cycle (application_window_close also moves the window)' })
  @ApiOkResponse({ type: ExtendedDeadlinesDto })
  extendCycle(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtendCycleDeadlinesDto, @CurrentUser() admin: AuthUser) {
    return this.extension.extendCycle(id, body.kind, body, admin);
  }

  @Get('applications/:id/deadlines')
  @ApiOperation({ summary: "An application's pending deadlines (e.g. when its 补正 is due)" })
  @ApiOkResponse({ type: [DeadlineDto] })
  async forApplication(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    const { application } = await this.applications.loadVisible(id, user);
    return this.extension.pendingForInstance(application.instanceId);
  }
}
