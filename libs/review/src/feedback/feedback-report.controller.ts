import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { materialResponse } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { FeedbackReleaseDto, FeedbackReportDto, FeedbackStatusDto } from './feedback-report.dto';
import { FeedbackReportService } from './feedback-report.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class FeedbackReportController {
  constructor(private readonly reports: FeedbackReportService) {}

  @Get('cycles/:id/feedback-report/release')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Whether the cycle's 反馈报告 are released to its enterprises, and when" })
  @ApiOkResponse({ type: FeedbackReleaseDto })
  releaseState(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.reports.releaseState(id, admin);
  }

  @Post('cycles/:id/feedback-report/release')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: "发布反馈报告: the cycle's enterprises may read their experts' feedback from now on (once; audited)" })
  @ApiOkResponse({ type: FeedbackReleaseDto })
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.reports.release(id, admin);
  }

  @Get('applications/:id/feedback-report/status')
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: 'Whether the 反馈报告 may be read now (scored, released), so the page offers it without being refused' })
  @ApiOkResponse({ type: FeedbackStatusDto })
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reports.status(id, user);
  }

  @Get('applications/:id/feedback-report')
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: "The experts' 反馈报告 (per category 优势/改进机会 and score rate, no expert named): the enterprise once released (409 before), the office's staff any time" })
  @ApiOkResponse({ type: FeedbackReportDto })
  report(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reports.report(id, user);
  }

  @Get('applications/:id/feedback-report.pdf')
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: 'The 反馈报告 as a printable PDF (same rules as the JSON)' })
  @ApiOkResponse({ description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async reportPdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { pdf, fileName } = await this.reports.pdf(id, user);
    return materialResponse(res, Readable.from([pdf]), 'application/pdf', pdf.length, fileName);
  }
}
