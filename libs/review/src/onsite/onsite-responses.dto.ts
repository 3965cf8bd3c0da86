import { ApiProperty } from '@nestjs/swagger';

export class OnsiteFindingDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['pass', 'fail'] }) outcome: 'pass' | 'fail';
  @ApiProperty({ nullable: true, type: String }) findings: string | null;
  @ApiProperty({ nullable: true, type: Number }) scoreAdjustment: number | null;
  @ApiProperty() recordedBy: string;
  @ApiProperty() createdAt: Date;
}
