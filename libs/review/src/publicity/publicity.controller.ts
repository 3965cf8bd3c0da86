import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { ApplicationPublicityDto, PublicityBatchDto, PublicityBatchListDto, PublishPublicityDto } from './publicity.dto';
import { PublicityService } from './publicity.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('cycles/:id/publicity-batches')
@Roles(Role.Admin)
export class PublicityController {
  constructor(private readonly publicity: PublicityService) {}

  @Post()
  @ApiOperation({ summary: 'Publish a dated 公示 for the applications in 待公示 (all, or those named): they share its dates' })
  @ApiCreatedResponse({ type: PublicityBatchDto })
  publish(@Param('id', ParseUUIDPipe) id: string, @Body() body: PublishPublicityDto, @CurrentUser() admin: AuthUser) {
    return this.publicity.publish(id, body, admin);
  }

  @Get()
  @ApiOkResponse({ type: PublicityBatchListDto })
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<PublicityBatchListDto> {
    return { items: await this.publicity.list(id, admin) };
  }
}

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('applications/:id/publicity')
export class ApplicationPublicityController {
  constructor(private readonly publicity: PublicityService) {}

  @Get()
  @ApiOperation({ summary: 'The 公示 the application was published in (its dates and where to object), or null before it is' })
  @ApiOkResponse({ type: ApplicationPublicityDto })
  ofApplication(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationPublicityDto> {
    return this.publicity.ofApplication(id, user);
  }
}
