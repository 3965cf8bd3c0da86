import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ObjectionFiledDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() status: string;
}

export class PublicObjectionFiledDto {
  @ApiProperty({ description: 'the receipt the objector keeps' }) reference: string;
  @ApiProperty() filedAt: Date;
}

export class ObjectionFileDto {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
}

export class ObjectionFilesDto {
  @ApiProperty({ type: [ObjectionFileDto] }) files: ObjectionFileDto[];
}

export class ObjectionResponseViewDto {
  @ApiProperty() id: string;
  @ApiProperty() content: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [ObjectionFileDto] }) files: ObjectionFileDto[];
}

export class ObjectionResponseCreatedDto {
  @ApiProperty() id: string;
}

export class ObjectionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiPropertyOptional({ enum: ['online', 'public', 'post', 'phone', 'mail'] }) channel?: string;
  @ApiPropertyOptional({ description: 'the office only' }) objectorName?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the office only' }) objectorIdNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) objectorOrganization?: string | null;
  @ApiPropertyOptional() contactPhone?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) receivedOn?: string | null;
  @ApiPropertyOptional({ description: 'the office and the enterprise (the objector masked out)' }) content?: string;
  @ApiPropertyOptional() evidence?: string;
  @ApiPropertyOptional({ type: [ObjectionFileDto], description: 'the office only' }) files?: ObjectionFileDto[];
  @ApiPropertyOptional({ description: 'the enterprise: how many evidence files the office holds' }) evidenceFileCount?: number;
  @ApiPropertyOptional({ type: [ObjectionResponseViewDto] }) responses?: ObjectionResponseViewDto[];
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed', 'superseded'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
}

export class ObjectionResolvedDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiProperty() applicationState: string;
}
