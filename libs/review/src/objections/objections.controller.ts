import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { memoryStorage } from 'multer';
import { MAX_OBJECTION_FILE_BYTES, MAX_OBJECTION_FILES } from './objection-uploads';
import { ObjectionDto, ObjectionListQuery, ObjectionResponseDto, ResolveObjectionDto } from './objections.dto';
import { ObjectionsService } from './objections.service';
import { ObjectionFiledDto, ObjectionFilesDto, ObjectionResolvedDto, ObjectionResponseCreatedDto, ObjectionViewDto } from './objections-responses.dto';

/** Evidence uploads: one file over the limit lets multer say "too large" (the service words it). */
export const objectionFilesInterceptor = () =>
  FilesInterceptor('files', MAX_OBJECTION_FILES + 1, { storage: memoryStorage(), limits: { fileSize: MAX_OBJECTION_FILE_BYTES + 1 }, defParamCharset: 'utf8' });

const FILES_BODY = { type: 'array', items: { type: 'string', format: 'binary' } } as const;

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('applications/:id/objections')
  @ApiOperation({ summary: '公示 objection in writing under a real name inside the window; the office records those received by post, phone or mail (channel)' })
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

  @Get('objections')
  @ApiOperation({ summary: 'Objections of a cycle (its office) or of an application (redacted for the reader)' })
  @ApiOkResponse({ type: [ObjectionViewDto] })
  query(@Query() q: ObjectionListQuery, @CurrentUser() user: AuthUser) {
    return this.objections.list({ applicationId: q.applicationId, cycleId: q.cycleId }, user);
  }

  @Post('objections/:id/files')
  @Roles(Role.Admin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: FILES_BODY } } })
  @ApiOperation({ summary: 'Evidence received on paper, scanned in by the office (PDF, JPG, PNG; at most 5 of 10 MiB)' })
  @UseInterceptors(objectionFilesInterceptor())
  @ApiCreatedResponse({ type: ObjectionFilesDto })
  addFiles(@Param('id', ParseUUIDPipe) id: string, @UploadedFiles() files: Express.Multer.File[] | undefined, @CurrentUser() admin: AuthUser) {
    return this.objections.addFiles(id, files, admin);
  }

  @Post('objections/:id/responses')
  @Roles(Role.Applicant)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['content'], properties: { content: { type: 'string' }, files: FILES_BODY } } })
  @ApiOperation({ summary: '申辩: the enterprise answers an open objection with text and files before the office decides' })
  @UseInterceptors(objectionFilesInterceptor())
  @ApiCreatedResponse({ type: ObjectionResponseCreatedDto })
  respond(@Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionResponseDto, @UploadedFiles() files: Express.Multer.File[] | undefined, @CurrentUser() user: AuthUser) {
    return this.objections.respond(id, body.content, files, user);
  }

  @Get('objections/:id/files/:fileId')
  @ApiOkResponse({
    description: 'the file, as its media type',
    content: Object.fromEntries(['application/pdf', 'image/png', 'image/jpeg'].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  async file(@Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const { file, stream } = await this.objections.download(id, fileId, user);
    return new StreamableFile(stream, { type: file.contentType, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`, length: file.sizeBytes });
  }

  @Post('objections/:id/resolve')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold (the application is rejected) or dismiss an objection; the 公示 period never restarts' })
  @ApiOkResponse({ type: ObjectionResolvedDto })
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveObjectionDto, @CurrentUser() admin: AuthUser) {
    return this.objections.resolve(id, body.decision, body.resolution, admin);
  }
}
