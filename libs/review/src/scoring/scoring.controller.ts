import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { ScoreVersionDto } from './score-version.dto';
import { SaveDraftDto, SubmitScoresDto } from './scoring.dto';
import { ScoringService } from './scoring.service';
import { DraftSavedDto, ScoreDraftDto, ScoredDto } from './scoring-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Post('assignments/:id/scores')
  @Roles(Role.Reviewer, Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Score every rubric item (0 to its maximum, one decimal) with a comment; editable until the stage closes' })
  @ApiCreatedResponse({ type: ScoredDto })
  score(@Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitScoresDto, @CurrentUser() user: AuthUser) {
    return this.scoring.score(id, body, user);
  }

  @Get('assignments/:id/draft')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "The caller's own draft of the assignment's score sheet (null when none), and whether the stage still accepts scores" })
  @ApiOkResponse({ type: ScoreDraftDto })
  draft(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.scoring.draft(id, user);
  }

  @Put('assignments/:id/draft')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "Keep the half-filled score sheet on the server (the assignment's own expert, while the stage is open); a submitted score replaces it" })
  @ApiOkResponse({ type: DraftSavedDto })
  saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveDraftDto, @CurrentUser() user: AuthUser) {
    return this.scoring.saveDraft(id, body, user);
  }

  @Get('assignments/:id/score-versions')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Every version of the assignment's score, oldest first; the last is the one the ranking uses" })
  @ApiOkResponse({ type: [ScoreVersionDto] })
  scoreVersions(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<ScoreVersionDto[]> {
    return this.scoring.versions(id, admin);
  }
}
