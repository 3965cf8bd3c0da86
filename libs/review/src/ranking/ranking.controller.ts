import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { ShortlistDto } from './ranking.dto';
import { RankingService } from './ranking.service';
import { RankingRowDto, ShortlistOutcomeDto } from './ranking-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Get('cycles/:id/ranking')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Aggregated scores, rank and quota (ties: 结果 subtotal, then earlier submission, then receipt number)' })
  @ApiOkResponse({ type: [RankingRowDto] })
  rankingOf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.ranking.ranking(id, admin);
  }

  @Get('cycles/:id/ranking.csv')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The ranking as CSV (UTF-8 with BOM, zh-CN headers) for Excel' })
  @ApiOkResponse({ description: 'the ranking as CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  async rankingCsv(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const csv = await this.ranking.csv(id, admin);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ranking.csv"; filename*=UTF-8''${encodeURIComponent('评审排名.csv')}`);
    return new StreamableFile(csv);
  }

  @Post('cycles/:id/ranking/recompute')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: [RankingRowDto] })
  recompute(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.ranking.recompute(id, admin);
  }

  @Post('cycles/:id/shortlist')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: '入围 by rank (top) or threshold (minScore); the others are not shortlisted' })
  @ApiOkResponse({ type: ShortlistOutcomeDto })
  shortlist(@Param('id', ParseUUIDPipe) id: string, @Body() body: ShortlistDto, @CurrentUser() admin: AuthUser) {
    return this.ranking.shortlist(id, body, admin);
  }
}
