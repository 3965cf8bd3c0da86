import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import type { Response } from 'express';
import { SnapshotService } from '../snapshot/snapshot.service';
import { StatisticsService } from './statistics.service';
import { StatsDto, StatsQuery, StatsSnapshotDto } from './statistics.dto';
import { writeStatsWorkbook } from './statistics-workbook';

/**
 * 质量强区 statistics for the award offices: an office's figures with those of the offices below
 * it (the city sees its 区县; a district its own). Admins only.
 */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly snapshot: SnapshotService,
  ) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Applications, awards and recognitions by year, award, office and GB/T 4754 section; pass rate and median days per stage; open objections; overdue reviews',
    description:
      'Counts, rates and durations come from a snapshot the worker rebuilds every 5 minutes (`asOf` says when it was taken; `POST /stats/refresh` rebuilds it now); open objections and overdue reviews are read live (`generatedAt`).',
  })
  @ApiOkResponse({ type: StatsDto })
  get(@Query() query: StatsQuery, @CurrentUser() admin: AuthUser): Promise<StatsDto> {
    return this.statistics.statistics(query, admin);
  }

  @Get('export.xlsx')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The same figures as GET /stats as an xlsx workbook, one sheet per breakdown (streamed)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } })
  async export(@Query() query: StatsQuery, @CurrentUser() admin: AuthUser, @Res() res: Response): Promise<void> {
    const stats = await this.statistics.statistics(query, admin);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="stats.xlsx"; filename*=UTF-8''${encodeURIComponent('质量强区统计.xlsx')}`);
    await writeStatsWorkbook(stats, res);
  }

  @Post('refresh')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuild the statistics snapshot now (waits for a rebuild already running)' })
  @ApiOkResponse({ type: StatsSnapshotDto })
  refresh(): Promise<StatsSnapshotDto> {
    return this.snapshot.refresh({ wait: true });
  }
}
