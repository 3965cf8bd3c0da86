import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class RegisterReviewerDto {
  @ApiProperty() @IsUUID('all') userId: string;
  @ApiProperty({ type: [String], example: ['C', 'C38'], description: 'GB/T 4754 sections or code prefixes' })
  @IsArray()
  @Matches(/^[A-T]\d{0,4}$/, { each: true, message: '须为 GB/T 4754 行业门类或代码（如 C、C38）' })
  expertise: string[];
  @ApiProperty({ type: [String], description: 'credit codes of organisations the expert works for or with' })
  @IsArray()
  @Matches(/^[0-9A-Z]{18}$/, { each: true, message: '须为 18 位统一社会信用代码' })
  ties: string[];
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(1) @Max(200) maxLoad?: number;
}
