import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ObjectionFiledDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() status: string;
}

export class ObjectionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiPropertyOptional({ description: 'the office and the objector only' }) objectorName?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) objectorOrganization?: string | null;
  @ApiPropertyOptional() contactPhone?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail?: string | null;
  @ApiPropertyOptional() content?: string;
  @ApiPropertyOptional() evidence?: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status: 'open' | 'upheld' | 'dismissed';
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
}

export class ObjectionResolvedDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiProperty() applicationState: string;
}
