import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { PageQuery } from '@awardflow/platform';
import { ExpertReminderRowPageDto, ExpertRemindersSentDto, SendExpertRemindersDto } from './expert-reminders.dto';
import { ExpertRemindersService } from './expert-reminders.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('cycles')
export class ExpertRemindersController {
  constructor(private readonly reminders: ExpertRemindersService) {}

  @Get(':id/expert-reminders')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '提醒专家: the experts of the cycle with reviews assigned and not scored, overdue first, with when each was last reminded' })
  @ApiOkResponse({ type: ExpertReminderRowPageDto })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery, @CurrentUser() admin: AuthUser) {
    return this.reminders.list(id, query, admin);
  }

  @Post(':id/expert-reminders')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: '提醒专家: an inbox and email reminder to the given experts (default: all with pending reviews); an expert reminded of the cycle in the last 24 h is skipped; audited as experts_reminded' })
  @ApiOkResponse({ type: ExpertRemindersSentDto })
  send(@Param('id', ParseUUIDPipe) id: string, @Body() body: SendExpertRemindersDto, @CurrentUser() admin: AuthUser): Promise<ExpertRemindersSentDto> {
    return this.reminders.send(id, body.reviewerIds, admin);
  }
}
