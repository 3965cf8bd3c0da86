import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueModule } from '../queue/queue.module';
import { HealthController } from './health.controller';
import { PlatformHealthIndicators } from './health.indicators';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), QueueModule],
  controllers: [HealthController],
  providers: [PlatformHealthIndicators],
  exports: [PlatformHealthIndicators],
})
export class HealthModule {}
