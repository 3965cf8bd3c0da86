import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A cycle's 表彰决定 as its office reads it. */
export class AwardDecisionDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ example: '关于表彰2026年度渝中区区长质量管理奖获奖企业的决定' }) title: string;
  @ApiProperty({ example: '渝中府发〔2026〕12号', description: '文号' }) documentNumber: string;
  @ApiProperty({ example: '2026-03-01', description: 'YYYY-MM-DD' }) decidedOn: string;
  @ApiProperty({ example: '表彰决定.pdf' }) fileName: string;
  @ApiProperty() fileSize: number;
  @ApiProperty() recordedBy: string;
  @ApiProperty() recordedAt: Date;
}

/** An application's certificate, for its enterprise and its office. */
export class ApplicationCertificateDto {
  @ApiProperty({ example: '2026DMQ-500103-J001' }) number: string;
  @ApiProperty({ enum: ['award', 'second'] }) tier: 'award' | 'second';
  @ApiProperty({ example: '获奖', description: '获奖 / the second tier\'s label (提名奖) / 认定' }) tierLabel: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty() issuedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
  @ApiProperty({ description: 'the worker has printed the PDF (GET …/certificate.pdf)' }) pdfReady: boolean;
  @ApiPropertyOptional({ example: '2024-10-01', description: "名牌: first day of the batch's validity" }) validFrom?: string;
  @ApiPropertyOptional({ example: '2027-09-30', description: '名牌: last day of the validity (it ends at 24:00 Beijing)' }) validUntil?: string;
}

/** What the public verification page shows of a certificate: nothing that reaches the application. */
export class PublicCertificateDto {
  @ApiProperty() number: string;
  @ApiProperty({ example: '区长质量管理奖' }) awardName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '渝中区市场监督管理局' }) officeName: string;
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ description: 'the project or product, where the award is given to one' }) subjectName?: string;
  @ApiProperty({ example: '获奖' }) tierLabel: string;
  @ApiPropertyOptional({ example: '渝中府发〔2026〕12号' }) documentNumber?: string;
  @ApiPropertyOptional({ example: '2026-03-01' }) decidedOn?: string;
  @ApiProperty() issuedAt: Date;
  @ApiPropertyOptional({ type: Date }) revokedAt?: Date;
  @ApiPropertyOptional({ example: '2024-10-01' }) validFrom?: string;
  @ApiPropertyOptional({ example: '2027-09-30' }) validUntil?: string;
}

export class CertificateVerificationDto {
  @ApiProperty({ enum: ['valid', 'revoked', 'unknown'] }) status: 'valid' | 'revoked' | 'unknown';
  @ApiPropertyOptional({ type: PublicCertificateDto, description: 'absent when unknown' }) certificate?: PublicCertificateDto;
}

export class PublicOfficeDto {
  @ApiProperty({ example: '500103', description: 'GB/T 2260 division code' }) code: string;
  @ApiProperty({ example: '渝中区市场监督管理局' }) name: string;
}

export class PublicDecisionDto {
  @ApiProperty() title: string;
  @ApiProperty({ example: '渝中府发〔2026〕12号' }) documentNumber: string;
  @ApiProperty({ example: '2026-03-01' }) decidedOn: string;
}

export class PublicWinnerDto {
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ description: 'the project or product, where the award is given to one' }) subjectName?: string;
  @ApiProperty({ example: '获奖' }) tierLabel: string;
  @ApiProperty() certificateNumber: string;
  @ApiProperty() revoked: boolean;
}

export class PublicResultDto {
  @ApiProperty() awardName: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: PublicDecisionDto }) decision: PublicDecisionDto;
  @ApiPropertyOptional({ example: '2024-10-01', description: "名牌: the batch's validity" }) validFrom?: string;
  @ApiPropertyOptional({ example: '2027-09-30' }) validUntil?: string;
  @ApiProperty({ type: [PublicWinnerDto], description: 'brand recognitions: only those in force (a revoked or expired one leaves the list)' }) winners: PublicWinnerDto[];
}

/** An office's 表彰名单: the cycles whose 表彰决定 is recorded, newest first. */
export class PublicOfficeResultsDto {
  @ApiProperty({ type: PublicOfficeDto }) office: PublicOfficeDto;
  @ApiProperty({ type: [PublicResultDto] }) items: PublicResultDto[];
}
