import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { PlatformHealthIndicators } from './health.indicators';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: PlatformHealthIndicators,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Redis status; 503 when either is down' })
  @ApiOkResponse({ type: HealthDto })
  check() {
    return this.health.check([() => this.indicators.database(), () => this.indicators.redis()]);
  }
}
