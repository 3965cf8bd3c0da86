import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { XLSX_TYPE } from '@awardflow/platform';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { Readable } from 'node:stream';
import { ApplicationFormDocument } from '../documents/application-form-document';
import { AttachmentsService, MAX_MATERIAL_BYTES } from '../attachments/attachments.service';
import { ActionDto, ApplicationDto, ApplicationPageDto, CreateApplicationDto, ListApplicationsQuery, RecommendDto, UpdateApplicationDto } from './application.dto';
import { ApplicationVersionETag } from './application-version-etag.interceptor';
import { ApplicationsService } from './applications.service';
import { parseIfMatch } from './if-match';
import { RecommendApplication } from './recommend-application';
import { HistoryDto, MaterialDto, RecommendationDto } from './application-responses.dto';


@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
@UseInterceptors(ApplicationVersionETag)
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly attachments: AttachmentsService,
    private readonly recommendation: RecommendApplication,
    private readonly formDocument: ApplicationFormDocument,
  ) {}

  @Post()
  @Roles(Role.Applicant)
  @ApiOperation({ summary: 'Start a draft in an open cycle (one active application per organisation and cycle)' })
  @ApiCreatedResponse({ type: ApplicationDto })
  create(@Body() body: CreateApplicationDto, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: "Applications: an office's (paged, filterable) or the enterprise's own" })
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@Query() query: ListApplicationsQuery, @CurrentUser() user: AuthUser): Promise<ApplicationPageDto> {
    return this.applications.list(query, user);
  }

  // Before ':id', which would take 'export.xlsx' for an id.
  @Get('export.xlsx')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The office's application list with the list's filters as an Excel workbook (streamed a page at a time)" })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  exportXlsx(@Query() query: ListApplicationsQuery, @CurrentUser() user: AuthUser): StreamableFile {
    const xlsx = this.applications.exportXlsx(query, user);
    return new StreamableFile(xlsx, { type: XLSX_TYPE, disposition: `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent('申报列表.xlsx')}` });
  }

  @Get(':id')
  @ApiOperation({ summary: 'State, version (also the ETag), form and what the caller may do now' })
  @ApiOkResponse({ type: ApplicationDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationDto> {
    return this.applications.view(id, user);
  }

  @Patch(':id')
  @Roles(Role.Applicant)
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version being edited; stale → 409 VERSION_CONFLICT. A save is a new version (the answer\'s ETag)' })
  @ApiOperation({ summary: 'Replace the form while a draft or while a supplement is requested' })
  @ApiOkResponse({ type: ApplicationDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateApplicationDto, @CurrentUser() user: AuthUser, @Headers('if-match') ifMatch?: string): Promise<ApplicationDto> {
    return this.applications.updateForm(id, body.form, user, parseIfMatch(ifMatch));
  }

  @Post(':id/recommend')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '推荐: send a selected 区长质量管理奖 application into the open 市长质量管理奖 cycle of the office above; the enterprise gets a linked draft with its form and materials' })
  @ApiCreatedResponse({ type: RecommendationDto })
  recommend(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecommendDto, @CurrentUser() user: AuthUser) {
    return this.recommendation.recommend(id, body.cycleId, user, body.comment);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version the caller saw; stale → 409 VERSION_CONFLICT with the current state' })
  @ApiOperation({ summary: 'Take an action (submit, withdraw, pass_formal_review, request_supplement, ...): see availableActions' })
  @ApiOkResponse({ type: ApplicationDto })
  act(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Body() body: ActionDto,
    @CurrentUser() user: AuthUser,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ApplicationDto> {
    return this.applications.act(id, action, user, body, parseIfMatch(ifMatch));
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The transition log, each row with its hash-chain verification (objectors, vote counts and hashes are the office's)" })
  @ApiOkResponse({ type: HistoryDto })
  history(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.applications.history(id, user);
  }

  @Get(':id/application-form.pdf')
  @ApiOperation({ summary: '打印申报书: the form with its Chinese labels, the materials list and the 申报单位承诺 (公章, date) as a PDF, redacted for the reader; refused to experts of a blind cycle' })
  @ApiOkResponse({ description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async applicationForm(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { pdf, fileName } = await this.formDocument.pdf(id, user);
    return materialResponse(res, Readable.from([pdf]), 'application/pdf', pdf.length, fileName);
  }

  @Post(':id/attachments')
  @Roles(Role.Applicant)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { documentType: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a material (PDF, JPG, PNG, DOCX, XLSX by content; at most 20 MiB)' })
  // One byte over the limit lets multer report "too large" rather than truncate.
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_MATERIAL_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiCreatedResponse({ type: MaterialDto })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Body('documentType') documentType: string | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ) {
    return this.attachments.upload(id, documentType, file, user);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "The application's materials (neutral names for reviewers of a blind cycle)" })
  @ApiOkResponse({ type: [MaterialDto] })
  listAttachments(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.attachments.list(id, user);
  }

  @Get(':id/attachments/:attachmentId/content')
  @ApiOperation({ summary: 'Download a material (only those who may see the application; named as in the list)' })
  @ApiOkResponse({ description: 'the file, as its media type', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream, fileName } = await this.attachments.open(id, attachmentId, user);
    return materialResponse(res, stream, attachment.mediaType, attachment.size, fileName);
  }

  @Delete(':id/attachments/:attachmentId')
  @Roles(Role.Applicant)
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.attachments.remove(id, attachmentId, user);
  }
}

/** Streams a stored material with the headers browsers and download managers need. */
export function materialResponse(res: Response, stream: NodeJS.ReadableStream, mediaType: string, size: number, fileName: string): StreamableFile {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', mediaType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(stream as never);
}
