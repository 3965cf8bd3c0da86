import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicantMask, ApplicationsService, audienceOf, materialResponse, parseIfMatch } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { ConflictsService } from './assignment/conflicts.service';
import { ReviewerViewService } from './assignment/reviewer-view.service';
import { StageReviewersService } from './assignment/stage-reviewers.service';
import { DecisionsService } from './decisions/decisions.service';
import { OnsiteReviewService } from './onsite/onsite-review.service';
import { PanelService } from './panel/panel.service';
import { ReviewPoolService } from './pool/review-pool.service';
import { RankingService } from './ranking/ranking.service';
import {
  ConflictDto,
  NameOnsiteReviewersDto,
  NameStageReviewersDto,
  ObjectionDto,
  PanelMembersDto,
  ReassignDto,
  RegisterReviewerDto,
  ResolveObjectionDto,
  ShortlistDto,
  StageReviewersDto,
  SubmitScoresDto,
  VoteDto,
} from './review.dto';
import { ScoreVersionDto } from './scoring/score-version.dto';
import { ScoringService } from './scoring/scoring.service';
import { ApplicationAssignmentDto, AssignmentOutcomeDto, ConflictDeclaredDto, MyAssignmentDto, ObjectionFiledDto, ObjectionResolvedDto, ObjectionViewDto, OnsiteFindingDto, PanelDto, RankingRowDto, ReassignedDto, ReviewFlagDto, ReviewTaskDto, ReviewerApplicationDto, ReviewerProfileDto, ScoredDto, ShortlistOutcomeDto, VoteCastDto, VoteClosedDto } from './review-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly pool: ReviewPoolService,
    private readonly views: ReviewerViewService,
    private readonly scoring: ScoringService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Post('reviewers')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Register or update a reviewer in the pool: expertise and ties' })
  @ApiCreatedResponse({ type: ReviewerProfileDto })
  register(@Body() body: RegisterReviewerDto, @CurrentUser() admin: AuthUser) {
    return this.pool.register(body, admin);
  }

  @Get('reviewers')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [ReviewerProfileDto] })
  reviewers(@CurrentUser() admin: AuthUser) {
    return this.pool.list(admin.officeIds);
  }

  @Get('assignments')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "The caller's assignments by due date, overdue ones marked" })
  @ApiOkResponse({ type: [MyAssignmentDto] })
  assignments(@CurrentUser() user: AuthUser) {
    return this.views.myAssignments(user);
  }

  @Get('tasks')
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '形式审查 / 初审 and 现场评审 the office named the caller for, and the panel votes of cycles the caller sits on' })
  @ApiOkResponse({ type: [ReviewTaskDto] })
  tasks(@CurrentUser() user: AuthUser) {
    return this.views.tasks(user);
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

  @Post('assignments/:id/scores')
  @Roles(Role.Reviewer, Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Score every rubric item (0 to its maximum, one decimal) with a comment; editable until the stage closes' })
  @ApiCreatedResponse({ type: ScoredDto })
  score(@Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitScoresDto, @CurrentUser() user: AuthUser) {
    return this.scoring.score(id, body, user);
  }

  @Get('assignments/:id/score-versions')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Every version of the assignment's score, oldest first; the last is the one the ranking uses" })
  @ApiOkResponse({ type: [ScoreVersionDto] })
  scoreVersions(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<ScoreVersionDto[]> {
    return this.scoring.versions(id, admin);
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
  @ApiOkResponse({ type: [ReviewFlagDto] })
  flags(@CurrentUser() admin: AuthUser) {
    return this.conflicts.openFlags(admin);
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

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class CycleReviewController {
  constructor(
    private readonly ranking: RankingService,
    private readonly panel: PanelService,
    private readonly decisions: DecisionsService,
    private readonly onsite: OnsiteReviewService,
    private readonly applications: ApplicationsService,
    private readonly stageReviewers: StageReviewersService,
    private readonly mask: ApplicantMask,
  ) {}

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

  @Get('applications/:id/onsite-findings')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: '现场评审 findings recorded with pass_onsite_review / fail_onsite_review (payload.findings, payload.scoreAdjustment)' })
  @ApiOkResponse({ type: [OnsiteFindingDto] })
  async onsiteFindings(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    const { application, cycle } = await this.applications.loadVisible(id, user);
    return this.onsite.findings(id, await this.mask.for(audienceOf(user, { application, cycle }), application.organizationId));
  }

  @Get('cycles/:id/ranking')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Aggregated scores, rank and quota (ties: 结果 subtotal, then earlier submission, then receipt number)' })
  @ApiOkResponse({ type: [RankingRowDto] })
  rankingOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.ranking.ranking(id, admin);
  }

  @Get('cycles/:id/ranking.csv')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The ranking as CSV (UTF-8 with BOM, zh-CN headers) for Excel' })
  @ApiOkResponse({ description: 'the ranking as CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  async rankingCsv(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const csv = await this.ranking.csv(id, admin);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ranking.csv"; filename*=UTF-8''${encodeURIComponent('评审排名.csv')}`);
    return new StreamableFile(csv);
  }

  @Post('cycles/:id/ranking/recompute')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: [RankingRowDto] })
  recompute(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.ranking.recompute(id, admin);
  }

  @Post('cycles/:id/shortlist')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: '入围 by rank (top) or threshold (minScore); the others are not shortlisted' })
  @ApiOkResponse({ type: ShortlistOutcomeDto })
  shortlist(@Param('id', ParseUUIDPipe) id: string, @Body() body: ShortlistDto, @CurrentUser() admin: AuthUser) {
    return this.ranking.shortlist(id, body, admin);
  }

  @Post('cycles/:id/panel')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: "Set the cycle's 评审委员会 members" })
  @ApiOkResponse({ type: PanelDto })
  setPanel(@Param('id', ParseUUIDPipe) id: string, @Body() body: PanelMembersDto, @CurrentUser() admin: AuthUser) {
    return this.panel.setMembers(id, body.memberIds, admin);
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

  @Post('applications/:id/objections')
  @ApiOperation({ summary: '公示 objection: in writing, under a real name, with contact and evidence, only inside the window' })
  @ApiCreatedResponse({ type: ObjectionFiledDto })
  object(@Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionDto, @CurrentUser() user: AuthUser) {
    return this.decisions.fileObjection(id, body, user);
  }

  @Get('applications/:id/objections')
  @ApiOkResponse({ type: [ObjectionViewDto] })
  objectionsOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.objections({ applicationId: id }, user);
  }

  @Get('cycles/:id/objections')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [ObjectionViewDto] })
  cycleObjections(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.decisions.objections({ cycleId: id }, admin);
  }

  @Post('objections/:id/resolve')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold (the application is rejected) or dismiss (back to 公示) an objection' })
  @ApiOkResponse({ type: ObjectionResolvedDto })
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveObjectionDto, @CurrentUser() admin: AuthUser) {
    return this.decisions.resolveObjection(id, body.decision, body.resolution, admin);
  }
}
