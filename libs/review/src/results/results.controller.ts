import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { materialResponse } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { Public } from '@awardflow/platform';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { ApplicationCertificateDto, AwardDecisionDto, CertificateVerificationDto, PublicOfficeResultsDto } from './results.dto';
import { DecisionInput, MAX_DECISION_BYTES, ResultsService } from './results.service';

const PDF_RESPONSE = { description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };

/** The cycle's 表彰决定, recorded by its office. */
@ApiTags('results')
@ApiBearerAuth()
@Controller('cycles')
export class AwardDecisionController {
  constructor(private readonly results: ResultsService) {}

  @Put(':id/award-decision')
  @Roles(Role.Admin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['title', 'documentNumber', 'decidedOn', 'file'],
      properties: {
        title: { type: 'string', example: '关于表彰2026年度渝中区区长质量管理奖获奖企业的决定' },
        documentNumber: { type: 'string', example: '渝中府发〔2026〕12号' },
        decidedOn: { type: 'string', example: '2026-03-01' },
        file: { type: 'string', format: 'binary', description: 'the decision as published (PDF, by content; at most 20 MiB)' },
      },
    },
  })
  @ApiOperation({ summary: "Record (or replace) the cycle's 表彰决定: title, 文号, date and its PDF. The certificates are reprinted with the 文号; the 表彰名单 is published with it" })
  // One byte over the limit lets multer report "too large" rather than truncate.
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_DECISION_BYTES + 1, files: 1 }, defParamCharset: 'utf8' }))
  @ApiOkResponse({ type: AwardDecisionDto })
  record(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionInput, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser): Promise<AwardDecisionDto> {
    return this.results.recordDecision(id, body ?? {}, file, user);
  }

  @Get(':id/award-decision')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The cycle's 表彰决定 (404 while none is recorded)" })
  @ApiOkResponse({ type: AwardDecisionDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<AwardDecisionDto> {
    return this.results.decision(id, user);
  }

  @Get(':id/award-decision.pdf')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The 表彰决定's PDF as recorded" })
  @ApiOkResponse(PDF_RESPONSE)
  async file(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { stream, size, fileName } = await this.results.openDecisionFile(id, user);
    return materialResponse(res, stream, 'application/pdf', size, fileName);
  }
}

/** An application's certificate, for its enterprise and its office. */
@ApiTags('results')
@ApiBearerAuth()
@Controller('applications')
export class CertificatesController {
  constructor(private readonly results: ResultsService) {}

  @Get(':id/certificate')
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: "The certificate issued at 审定: number, tier, valid or revoked, whether its PDF is printed (404 without one)" })
  @ApiOkResponse({ type: ApplicationCertificateDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationCertificateDto> {
    return this.results.applicationCertificate(id, user);
  }

  @Get(':id/certificate.pdf')
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: 'The printable certificate (409 CERTIFICATE_PDF_PENDING until the worker has printed it)' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { stream, size, fileName } = await this.results.openCertificatePdf(id, user);
    return materialResponse(res, stream, 'application/pdf', size, fileName);
  }
}

/** Per client address, per route: a person checks a few certificates, a scraper is slowed down. */
export const PUBLIC_LOOKUPS_PER_MINUTE = 60;

/** What anyone may read without an account: certificate verification and the 表彰名单. */
@ApiTags('public')
@Public()
@Throttle({ default: { limit: PUBLIC_LOOKUPS_PER_MINUTE, ttl: 60_000 } })
@Controller('public')
export class PublicResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('certificates/:number')
  @ApiOperation({ summary: 'Verify a certificate by its number: valid, revoked (with the date) or unknown' })
  @ApiOkResponse({ type: CertificateVerificationDto })
  verify(@Param('number') number: string): Promise<CertificateVerificationDto> {
    return this.results.verify(number);
  }

  @Get('offices/:code/results')
  @ApiOperation({ summary: "An office's 表彰名单 by its division code: each cycle whose 表彰决定 is recorded, with its winners" })
  @ApiOkResponse({ type: PublicOfficeResultsDto })
  officeResults(@Param('code') code: string): Promise<PublicOfficeResultsDto> {
    return this.results.officeResults(code);
  }
}
