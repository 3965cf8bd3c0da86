import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { ApplicationRecheckDto, RecheckItemDto, RecheckOutcomeDto, RecheckRoundDto, RecheckRoundListDto, StartRecheckDto } from './rechecks.dto';
import { RechecksService } from './rechecks.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('rechecks')
@Roles(Role.Admin)
export class RechecksController {
  constructor(private readonly rechecks: RechecksService) {}

  @Post()
  @ApiOperation({ summary: '老字号 复核: a round listing every recognised 老字号 of the award in the office' })
  @ApiCreatedResponse({ type: RecheckRoundDto })
  start(@Body() body: StartRecheckDto, @CurrentUser() admin: AuthUser): Promise<RecheckRoundDto> {
    return this.rechecks.start(body, admin);
  }

  @Get()
  @ApiOkResponse({ type: RecheckRoundListDto })
  async list(@CurrentUser() admin: AuthUser): Promise<RecheckRoundListDto> {
    return { items: await this.rechecks.list(admin) };
  }

  @Get(':id')
  @ApiOkResponse({ type: RecheckRoundDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<RecheckRoundDto> {
    return this.rechecks.get(id, admin);
  }

  @Post(':id/items/:itemId/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'The outcome for one 老字号: 通过, 限期整改 (with its deadline) or 撤销认定; after 限期整改 it is re-checked again here' })
  @ApiOkResponse({ type: RecheckItemDto })
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: RecheckOutcomeDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<RecheckItemDto> {
    return this.rechecks.decide(id, itemId, body, admin);
  }
}

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('applications/:id/recheck')
export class ApplicationRecheckController {
  constructor(private readonly rechecks: RechecksService) {}

  @Get()
  @ApiOperation({ summary: "The application's latest 复核 (老字号), for its enterprise and its office; null when never re-checked" })
  @ApiOkResponse({ type: ApplicationRecheckDto })
  ofApplication(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationRecheckDto> {
    return this.rechecks.ofApplication(id, user);
  }
}
