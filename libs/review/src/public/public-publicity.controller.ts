import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '@awardflow/platform';
import { objectionFilesInterceptor } from '../objections/objections.controller';
import { PublicObjectionDto } from '../objections/objections.dto';
import { PublicObjectionFiledDto } from '../objections/objections-responses.dto';
import { ObjectionsService } from '../objections/objections.service';
import { PublicBatchDto, PublicOfficeListDto, PublicOfficePublicityDto } from './public-publicity.dto';
import { PublicPublicityService } from './public-publicity.service';

/** Per address: reading a 公示 is cheap and open to all; filing one objection a minute is plenty for a person. */
export const PUBLIC_READS = { default: { limit: 120, ttl: 60_000 } };
const PUBLIC_FILING = { default: { limit: 10, ttl: 60_000 } };

@ApiTags('public')
@Public()
@Controller('public')
export class PublicPublicityController {
  constructor(
    private readonly publicity: PublicPublicityService,
    private readonly objections: ObjectionsService,
  ) {}

  @Get('offices')
  @Throttle(PUBLIC_READS)
  @ApiOperation({ summary: 'Offices that have published a 公示' })
  @ApiOkResponse({ type: PublicOfficeListDto })
  async offices(): Promise<PublicOfficeListDto> {
    return { items: await this.publicity.offices() };
  }

  @Get('offices/:code/publicity')
  @Throttle(PUBLIC_READS)
  @ApiOperation({ summary: "An office's current and past 公示 lists (code: GB/T 2260 division code)" })
  @ApiOkResponse({ type: PublicOfficePublicityDto })
  ofOffice(@Param('code') code: string) {
    return this.publicity.ofOffice(code);
  }

  @Get('publicity/:batchId')
  @Throttle(PUBLIC_READS)
  @ApiOkResponse({ type: PublicBatchDto })
  batch(@Param('batchId', ParseUUIDPipe) batchId: string) {
    return this.publicity.batch(batchId);
  }

  @Post('publicity/:batchId/objections')
  @Throttle(PUBLIC_FILING)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: PublicObjectionDto, description: 'the fields, plus `files`: evidence (PDF, JPG, PNG; 1 to 5 of 10 MiB)' })
  @ApiOperation({ summary: 'Object to an entry of a 公示, in writing under a real name with evidence, inside its period' })
  @UseInterceptors(objectionFilesInterceptor())
  @ApiCreatedResponse({ type: PublicObjectionFiledDto })
  object(@Param('batchId', ParseUUIDPipe) batchId: string, @Body() body: PublicObjectionDto, @UploadedFiles() files: Express.Multer.File[] | undefined) {
    return this.objections.fileFromPublic(batchId, body, files);
  }
}
