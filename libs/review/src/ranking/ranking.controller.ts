import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { XLSX_TYPE } from '@awardflow/platform';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { RankingQuery, ShortlistDto } from './ranking.dto';
import { RankingService } from './ranking.service';
import { ComprehensiveSelectionOutcomeDto, RankingPageDto, ShortlistOutcomeDto } from './ranking-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Get('cycles/:id/ranking')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Aggregated scores, rank and quota, a page at a time (ties: 结果 subtotal, then earlier submission, then receipt number)' })
  @ApiOkResponse({ type: RankingPageDto })
  rankingOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: RankingQuery, @CurrentUser() admin: AuthUser) {
    return this.ranking.ranking(id, query, admin);
  }

  @Get('cycles/:id/ranking.csv')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The whole ranking as CSV (UTF-8 with BOM, zh-CN headers) for Excel, streamed from the database in batches' })
  @ApiOkResponse({ description: 'the ranking as CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  async rankingCsv(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<StreamableFile> {
    // StreamableFile pipes with backpressure, destroys the stream (and so closes the cursor) when the
    // client goes away, and cuts the transfer when a batch fails after the first byte, so a broken
    // export never looks like a complete short file.
    const csv = await this.ranking.csv(id, admin);
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="ranking.csv"; filename*=UTF-8''${encodeURIComponent('评审排名.csv')}` });
  }

  @Get('cycles/:id/ranking.xlsx')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "The whole ranking as an Excel workbook: 排名 (with 并列 and the tie-break) and 专家评分 (every expert's total per application, what the trimmed mean dropped, 离群), streamed" })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async rankingXlsx(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<StreamableFile> {
    const xlsx = await this.ranking.xlsx(id, admin);
    return new StreamableFile(xlsx, { type: XLSX_TYPE, disposition: `attachment; filename="ranking.xlsx"; filename*=UTF-8''${encodeURIComponent('评审排名.xlsx')}` });
  }

  @Post('cycles/:id/ranking/recompute')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: RankingPageDto, description: 'the page asked for of the recomputed ranking' })
  recompute(@Param('id', ParseUUIDPipe) id: string, @Query() query: RankingQuery, @CurrentUser() admin: AuthUser) {
    return this.ranking.recompute(id, query, admin);
  }

  @Post('cycles/:id/shortlist')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: '入围 by rank (top) or threshold (minScore); the others are not shortlisted' })
  @ApiOkResponse({ type: ShortlistOutcomeDto })
  shortlist(@Param('id', ParseUUIDPipe) id: string, @Body() body: ShortlistDto, @CurrentUser() admin: AuthUser) {
    return this.ranking.shortlist(id, body, admin);
  }

  @Post('cycles/:id/comprehensive-selection')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: '综合评选 by rank (top) or threshold (minScore) on the 综合得分; the others are not selected' })
  @ApiOkResponse({ type: ComprehensiveSelectionOutcomeDto })
  comprehensiveSelection(@Param('id', ParseUUIDPipe) id: string, @Body() body: ShortlistDto, @CurrentUser() admin: AuthUser) {
    return this.ranking.comprehensiveSelection(id, body, admin);
  }
}
