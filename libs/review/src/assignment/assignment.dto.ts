import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ConflictDto {
  @ApiProperty({ example: '本人曾任该企业顾问' }) @IsString() @MinLength(2) @MaxLength(1000) reason: string;
}

export class ReassignDto {
  @ApiPropertyOptional({ description: 'a named reviewer; omit to let the rules choose' }) @IsOptional() @IsUUID('all') reviewerId?: string;
}
