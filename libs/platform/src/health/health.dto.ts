import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Terminus' answer: each indicator (database, redis) by name with its status. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { database: { status: 'up' } } }) info?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) error?: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
