import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseIfMatch } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { PanelMembersDto, VoteDto } from './panel.dto';
import { PanelService } from './panel.service';
import { PanelBriefDto, PanelDto, VoteCastDto, VoteClosedDto } from './panel-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class PanelController {
  constructor(private readonly panel: PanelService) {}

  @Post('cycles/:id/panel')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: "Set the cycle's 评审委员会 members" })
  @ApiOkResponse({ type: PanelDto })
  setPanel(@Param('id', ParseUUIDPipe) id: string, @Body() body: PanelMembersDto, @CurrentUser() admin: AuthUser) {
    return this.panel.setMembers(id, body.memberIds, admin);
  }

  @Get('applications/:id/panel')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "What the 评审委员会 deliberates on (the aggregate, each expert's total unnamed, category means) and the caller's own vote" })
  @ApiOkResponse({ type: PanelBriefDto })
  brief(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.panel.brief(id, user);
  }

  @Post('applications/:id/votes')
  @Roles(Role.Reviewer, Role.Admin)
  @HttpCode(200)
  @ApiCreatedResponse({ type: VoteCastDto })
  vote(@Param('id', ParseUUIDPipe) id: string, @Body() body: VoteDto, @CurrentUser() member: AuthUser) {
    return this.panel.vote(id, body.vote, body.comment, member);
  }

  @Post('applications/:id/votes/close')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Count the votes (quorum, majority of members present) and move the application' })
  @ApiOkResponse({ type: VoteClosedDto })
  closeVote(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser, @Headers('if-match') ifMatch?: string) {
    return this.panel.close(id, admin, parseIfMatch(ifMatch));
  }
}
