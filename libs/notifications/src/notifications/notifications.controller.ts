import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@awardflow/identity';
import { NotFoundError, PageQuery, pageWindow, SortParam, SortValue } from '@awardflow/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { INBOX_SORT_COLUMNS, NotificationsService } from './notifications.service';
import { InboxDto, MarkedReadDto, UnreadCountDto } from './inbox.dto';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the unread ones' }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
  @SortParam(Object.keys(INBOX_SORT_COLUMNS), ['时间'], '-createdAt')
  sort?: SortValue<keyof typeof INBOX_SORT_COLUMNS>;
}

/** Everyone's own inbox: no one ever sees another user's notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'The caller\'s inbox, newest first unless sorted, with the unread count' })
  @ApiOkResponse({ type: InboxDto })
  inbox(@Query() query: InboxQuery, @CurrentUser() user: AuthUser) {
    const window = pageWindow(query);
    return this.notifications.inbox(user.id, { unread: query.unread, sort: query.sort, page: window.page, pageSize: window.pageSize });
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
