import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PublicityContactViewDto } from '../publicity/publicity.dto';

export class PublicOfficeDto {
  @ApiProperty({ example: '500103', description: 'GB/T 2260 division code' }) code: string;
  @ApiProperty() name: string;
}

export class PublicOfficeListDto {
  @ApiProperty({ type: [PublicOfficeDto] }) items: PublicOfficeDto[];
}

export class PublicEntryDto {
  @ApiProperty({ description: 'names the entry when objecting; says nothing of the application' }) publicId: string;
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ description: 'the project or product, where the award is given to one' }) subjectName?: string;
}

export class PublicBatchDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() awardName: string;
  @ApiProperty() year: number;
  @ApiProperty() officeName: string;
  @ApiProperty({ example: '2025-09-29' }) startsOn: string;
  @ApiProperty({ example: '2025-10-13' }) endsOn: string;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ example: '5 个工作日' }) durationLabel: string;
  @ApiProperty({ description: 'objections are taken until endsAt' }) open: boolean;
  @ApiProperty({ type: PublicityContactViewDto }) contact: PublicityContactViewDto;
  @ApiProperty({ type: [PublicEntryDto] }) entries: PublicEntryDto[];
}

export class PublicOfficePublicityDto {
  @ApiProperty({ type: PublicOfficeDto }) office: PublicOfficeDto;
  @ApiProperty({ type: [PublicBatchDto] }) current: PublicBatchDto[];
  @ApiProperty({ type: [PublicBatchDto] }) past: PublicBatchDto[];
}
