import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { PageQuery } from '@awardflow/platform';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { materialResponse } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { ConflictDto, ReassignDto } from './assignment.dto';
import { ConflictsService } from './conflicts.service';
import { ReviewerViewService } from './reviewer-view.service';
import { ApplicationAssignmentDto, AssignmentOutcomeDto, ConflictDeclaredDto, MyAssignmentPageDto, ReassignedDto, ReviewFlagPageDto, ReviewTaskPageDto, ReviewerApplicationDto } from './assignment-responses.dto';

/** Expert assignments: the reviewer's list and view, conflicts, the office's flags and reassignment. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class AssignmentController {
  constructor(
    private readonly views: ReviewerViewService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Get('assignments')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "A page of the caller's assignments by due date, overdue ones marked" })
  @ApiOkResponse({ type: MyAssignmentPageDto })
  assignments(@Query() query: PageQuery, @CurrentUser() user: AuthUser) {
    return this.views.myAssignments(user, query);
  }

  @Get('tasks')
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: 'A page of 形式审查 / 初审 and 现场评审 the office named the caller for, and the panel votes of cycles the caller sits on, stage by stage' })
  @ApiOkResponse({ type: ReviewTaskPageDto })
  tasks(@Query() query: PageQuery, @CurrentUser() user: AuthUser) {
    return this.views.tasks(user, query);
  }

  @Get('applications/:id/assignments')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "An application's expert assignments (current and ended) with due dates and totals" })
  @ApiOkResponse({ type: [ApplicationAssignmentDto] })
  assignmentsOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.views.assignmentsOf(id, admin);
  }

  @Get('assignments/:id/application')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: 'The assigned application as the reviewer may see it (blind where the cycle says so)' })
  @ApiOkResponse({ type: ReviewerApplicationDto })
  application(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.views.application(id, user);
  }

  @Get('assignments/:id/attachments/:n/content')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOkResponse({ description: 'the file, as its media type', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async material(@Param('id', ParseUUIDPipe) id: string, @Param('n', ParseIntPipe) n: number, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const m = await this.views.material(id, n, user);
    return materialResponse(res, m.stream, m.mediaType, m.size, m.name);
  }

  @Post('assignments/:id/conflict')
  @Roles(Role.Reviewer, Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare a conflict of interest: the assignment ends and another reviewer is chosen' })
  @ApiOkResponse({ type: ConflictDeclaredDto })
  conflict(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConflictDto, @CurrentUser() user: AuthUser) {
    return this.conflicts.declare(id, body.reason, user);
  }

  @Get('flags')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Applications the pool could not staff by the rules (tie, conflict, load cap)' })
  @ApiOkResponse({ type: ReviewFlagPageDto })
  flags(@Query() query: PageQuery, @CurrentUser() admin: AuthUser) {
    return this.conflicts.openFlags(admin, query);
  }

  @Post('applications/:id/assignments')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an expert to an application in 资料评审: a named one, or omit reviewerId to let the rules choose' })
  @ApiCreatedResponse({ type: AssignmentOutcomeDto })
  assignByHand(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReassignDto, @CurrentUser() admin: AuthUser) {
    return this.conflicts.assignByHand(id, body.reviewerId, admin);
  }

  @Post('assignments/:id/reassign')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: ReassignedDto })
  reassign(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReassignDto, @CurrentUser() admin: AuthUser) {
    return this.conflicts.reassign(id, body.reviewerId, admin);
  }
}
