import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { ObjectionDto, ResolveObjectionDto } from './objections.dto';
import { ObjectionsService } from './objections.service';
import { ObjectionFiledDto, ObjectionResolvedDto, ObjectionViewDto } from './objections-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('applications/:id/objections')
  @ApiOperation({ summary: '公示 objection: in writing, under a real name, with contact and evidence, only inside the window' })
  @ApiCreatedResponse({ type: ObjectionFiledDto })
  object(@Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionDto, @CurrentUser() user: AuthUser) {
    return this.objections.file(id, body, user);
  }

  @Get('applications/:id/objections')
  @ApiOkResponse({ type: [ObjectionViewDto] })
  objectionsOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.objections.list({ applicationId: id }, user);
  }

  @Get('cycles/:id/objections')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [ObjectionViewDto] })
  cycleObjections(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.objections.list({ cycleId: id }, admin);
  }

  @Post('objections/:id/resolve')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold (the application is rejected) or dismiss (back to 公示) an objection' })
  @ApiOkResponse({ type: ObjectionResolvedDto })
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveObjectionDto, @CurrentUser() admin: AuthUser) {
    return this.objections.resolve(id, body.decision, body.resolution, admin);
  }
}
