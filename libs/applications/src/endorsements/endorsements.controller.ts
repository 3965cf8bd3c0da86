import { Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { materialResponse } from '../applications/applications.controller';
import { EndorsementDto, EndorsementLetterDto } from './endorsement.dto';
import { EndorsementsService, MAX_LETTER_BYTES } from './endorsements.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id')
export class EndorsementsController {
  constructor(private readonly endorsements: EndorsementsService) {}

  @Post('endorsement-letters')
  @Roles(Role.Recommender, Role.Admin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: "The recommender's sealed 推荐意见书 (PDF by content, at most 10 MiB); endorse naming its id" })
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_LETTER_BYTES + 1, files: 1 }, defParamCharset: 'utf8' }))
  @ApiCreatedResponse({ type: EndorsementLetterDto })
  upload(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser) {
    return this.endorsements.uploadLetter(id, file, user);
  }

  @Get('endorsement')
  @ApiOperation({ summary: "The application's 推荐意见 (who endorsed it, its opinion and letter), for whoever may see the application" })
  @ApiOkResponse({ type: EndorsementDto })
  view(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.endorsements.view(id, user);
  }

  @Get('endorsement-letters/:letterId/content')
  @ApiOperation({ summary: 'Download the 推荐意见书' })
  @ApiOkResponse({ description: 'the letter', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { letter, stream } = await this.endorsements.openLetter(id, letterId, user);
    return materialResponse(res, stream, letter.contentType, letter.sizeBytes, letter.fileName);
  }
}
