import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { AwardWorkflowDto, awardWorkflowDiagram } from '@awardflow/awards';
import { ClosedCycleDto } from './cycle-responses.dto';
import { Page, PageDto } from '@awardflow/platform';
import { CreateCycleDto, CycleDto, CycleSettingsDto, CycleTimelineDto, ListCyclesQuery, UpdateCycleDto } from './cycle.dto';

const CyclePageDto = PageDto(CycleDto);
import { CyclesService, toCycleDto } from './cycles.service';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create an award cycle (admins of the issuing office)' })
  @ApiCreatedResponse({ type: CycleDto })
  create(@Body() body: CreateCycleDto, @CurrentUser() user: AuthUser): Promise<CycleDto> {
    return this.cycles.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: "Cycles: an office's own for its staff; open and closed ones for enterprises and recommenders" })
  @ApiOkResponse({ type: CyclePageDto })
  list(@Query() query: ListCyclesQuery, @CurrentUser() user: AuthUser): Promise<Page<CycleDto>> {
    return this.cycles.list(query, user);
  }

  // Before ':id', which would read "settings" as a cycle id.
  @Get('settings')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Which settings the cycle form may offer here (the test-only short durations are never offered in production)' })
  @ApiOkResponse({ type: CycleSettingsDto })
  settings(): CycleSettingsDto {
    return this.cycles.settings();
  }

  @Get(':id')
  @ApiOkResponse({ type: CycleDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CycleDto> {
    return toCycleDto(await this.cycles.getForUser(id, user));
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Change what may still change (409 with the reason otherwise)' })
  @ApiOkResponse({ type: CycleDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCycleDto, @CurrentUser() user: AuthUser): Promise<CycleDto> {
    return this.cycles.update(id, body, user);
  }

  @Post(':id/open')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Open for applications; pins the workflow definition the stage plan compiles to' })
  @ApiOkResponse({ type: CycleDto })
  open(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CycleDto> {
    return this.cycles.open(id, user);
  }

  @Post(':id/close')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the application window now: submitted applications move into review, drafts expire' })
  @ApiOkResponse({ type: ClosedCycleDto })
  close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.cycles.close(id, user);
  }

  @Get(':id/timeline')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Plan preview: the planned date of every stage of the cycle's plan, with the holiday calendar (admins of its office)" })
  @ApiOkResponse({ type: CycleTimelineDto })
  timeline(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CycleTimelineDto> {
    return this.cycles.timeline(id, user);
  }

  @Get(':id/workflow')
  @ApiOperation({ summary: "The cycle's workflow (pinned once open) with its Mermaid diagram" })
  @ApiOkResponse({ type: AwardWorkflowDto })
  async workflow(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    const definition = await this.cycles.workflowOf(id, user);
    return { definition, mermaid: awardWorkflowDiagram(definition) };
  }
}
