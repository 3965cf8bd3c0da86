import { Controller, ForbiddenException, Get, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Response } from 'express';
import { AppConfigService, METRICS_TOKEN_SCHEME, Public } from '@awardflow/platform';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. The JWT guard lets it through (@Public): it answers only a scraper
 * with `Authorization: Bearer <METRICS_TOKEN>` (not a user's token) when one is set, else anyone
 * if the operator says so with METRICS_PUBLIC=true; configured with neither, it is closed.
 */
@ApiTags('ops')
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfigService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: queue depths, deadline lag, outbox backlog, process', description: 'Needs METRICS_TOKEN as a bearer token, unless METRICS_PUBLIC=true' })
  @ApiSecurity(METRICS_TOKEN_SCHEME)
  @ApiOkResponse({ description: 'Prometheus text exposition format', content: { 'text/plain': {} } })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    const token = this.config.get('METRICS_TOKEN');
    if (token && !sameSecret(bearer(authorization), token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="Awardflow metrics"');
      throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>');
    }
    if (!token && !this.config.get('METRICS_PUBLIC')) {
      throw new ForbiddenException('指标接口未开放：设置 METRICS_TOKEN（抓取时发送 Authorization: Bearer <METRICS_TOKEN>），或以 METRICS_PUBLIC=true 声明公开');
    }
    const body = await this.metrics.metrics();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1].trim();
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  // Hash first so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
