import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { NameOnsiteReviewersDto, NameStageReviewersDto, StageReviewersDto } from './stage-reviewers.dto';
import { StageReviewersService } from './stage-reviewers.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class StageReviewersController {
  constructor(private readonly stageReviewers: StageReviewersService) {}

  @Put('cycles/:id/stage-reviewers')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Name the cycle's experts for 形式审查 / 初审 (formal_review) or 现场评审 (onsite_review): only they and the office's admins see and act on that stage" })
  @ApiOkResponse({ type: StageReviewersDto })
  nameStageReviewers(@Param('id', ParseUUIDPipe) id: string, @Body() body: NameStageReviewersDto, @CurrentUser() admin: AuthUser) {
    return this.stageReviewers.nameForCycle(id, body.stage, body.userIds, admin);
  }

  @Get('cycles/:id/stage-reviewers')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The cycle's named experts, per stage" })
  @ApiOkResponse({ type: [StageReviewersDto] })
  stageReviewersOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.stageReviewers.forCycle(id, admin);
  }

  @Put('applications/:id/onsite-reviewers')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Name the experts who do this application's 现场评审 (besides those named for the whole cycle)" })
  @ApiOkResponse({ type: StageReviewersDto })
  nameOnsiteReviewers(@Param('id', ParseUUIDPipe) id: string, @Body() body: NameOnsiteReviewersDto, @CurrentUser() admin: AuthUser) {
    return this.stageReviewers.nameForApplication(id, body.userIds, admin);
  }

  @Get('applications/:id/onsite-reviewers')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: StageReviewersDto })
  onsiteReviewersOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.stageReviewers.forApplication(id, admin);
  }
}
