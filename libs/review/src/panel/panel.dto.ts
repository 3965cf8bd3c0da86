import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class PanelMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsUUID('all', { each: true }) memberIds: string[];
}

export class VoteDto {
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] }) @IsIn(['approve', 'reject', 'abstain'], { message: '须为同意、反对或弃权之一' }) vote: 'approve' | 'reject' | 'abstain';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
