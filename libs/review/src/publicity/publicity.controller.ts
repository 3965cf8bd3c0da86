import { Body, Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { XLSX_TYPE } from '@awardflow/platform';
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

  @Get(':batchId.xlsx')
  @ApiOperation({ summary: 'One 公示 as an Excel workbook: 公示名单 (its entries as the office sees them) and 公示信息 (dates, contact)' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async batchXlsx(@Param('id', ParseUUIDPipe) id: string, @Param('batchId', ParseUUIDPipe) batchId: string, @CurrentUser() admin: AuthUser): Promise<StreamableFile> {
    const { workbook } = await this.publicity.batchXlsx(id, batchId, admin);
    return new StreamableFile(workbook, { type: XLSX_TYPE, disposition: `attachment; filename="publicity.xlsx"; filename*=UTF-8''${encodeURIComponent('公示名单.xlsx')}` });
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
