import { ApiProperty } from '@nestjs/swagger';

export class EndorsementLetterDto {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['application/pdf'] }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() createdAt: Date;
}

/** 推荐意见: who recommended the application, what it said, and its sealed letter. */
export class EndorsementDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: 'the recommending account (its display name)' }) recommenderName: string;
  @ApiProperty({ enum: ['recommender', 'admin'] }) endorsedByRole: string;
  @ApiProperty({ nullable: true, type: String }) opinion: string | null;
  @ApiProperty({ nullable: true, type: EndorsementLetterDto }) letter: EndorsementLetterDto | null;
  @ApiProperty() endorsedAt: Date;
}
