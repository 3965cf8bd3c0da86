import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HistoryEntryDto {
  @ApiProperty() seq: number;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'admin', description: "'objector' in place of an objector's own role, for all but the office" }) actorRole: string;
  @ApiProperty() action: string;
  @ApiProperty() actionLabel: string;
  @ApiProperty({ nullable: true, type: String }) fromState: string | null;
  @ApiProperty({ nullable: true, type: String }) fromStateLabel: string | null;
  @ApiProperty() toState: string;
  @ApiProperty() toStateLabel: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'this row links to the one before it' }) chainValid: boolean;
  @ApiPropertyOptional({ description: 'the office only' }) prevHash?: string;
  @ApiPropertyOptional({ description: 'the office only' }) hash?: string;
}

export class HistoryDto {
  @ApiProperty({ type: [HistoryEntryDto] }) entries: HistoryEntryDto[];
  @ApiProperty() chainValid: boolean;
  @ApiProperty({ nullable: true, type: Number }) firstBrokenSeq: number | null;
}

export class MaterialDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '1-based place in upload order' }) n: number;
  @ApiProperty() documentType: string;
  @ApiProperty() documentLabel: string;
  @ApiProperty({ description: 'shown and downloaded as: the uploaded name, or a neutral one for reviewers of a blind cycle' }) name: string;
  @ApiPropertyOptional({ description: 'only for those who may see uploaded names (the enterprise, the office)' }) originalName?: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: Date;
}

export class RecommendationDto {
  @ApiProperty({ description: 'the new draft in the cycle recommended into' }) id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() recommendedFromId: string;
}
