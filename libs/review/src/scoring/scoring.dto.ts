import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class ScoreItemDto {
  @ApiProperty({ example: '4.1.2' }) @IsString() criterion: string;
  @ApiProperty({ example: 42.5 }) @IsNumber() score: number;
}

export class SubmitScoresDto {
  @ApiProperty({ type: [ScoreItemDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ScoreItemDto) items: ScoreItemDto[];
  @ApiProperty({ example: '领导作用突出，结果类指标有说服力。' }) @IsString() @MinLength(2) @MaxLength(5000) comment: string;
}
