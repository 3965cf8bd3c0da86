import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@awardflow/identity';
import { AT_MOST, INT4_MAX, NotFoundError } from '@awardflow/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NotificationsService } from './notifications.service';
import { InboxDto, MarkedReadDto, UnreadCountDto } from './inbox.dto';

export class InboxQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(INT4_MAX, AT_MOST) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

/** Everyone's own inbox: no one ever sees another user's notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'The caller\'s inbox, newest first, with the unread count' })
  @ApiOkResponse({ type: InboxDto })
  inbox(@Query() query: InboxQuery, @CurrentUser() user: AuthUser) {
    return this.notifications.inbox(user.id, { unread: query.unread, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentUser() user: AuthUser) {
    return { unreadCount: await this.notifications.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() user: AuthUser) {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw new NotFoundError('notification', id);
  }
}
