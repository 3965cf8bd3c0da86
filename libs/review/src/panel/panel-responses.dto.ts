import { ApiProperty } from '@nestjs/swagger';

export class PanelDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ type: [String] }) memberIds: string[];
}

export class VoteCastDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] }) vote: 'approve' | 'reject' | 'abstain';
}

class PanelOutcomeDto {
  @ApiProperty() present: number;
  @ApiProperty() approve: number;
  @ApiProperty() reject: number;
  @ApiProperty() abstain: number;
  @ApiProperty() quorate: boolean;
  @ApiProperty() passed: boolean;
}

export class VoteClosedDto {
  @ApiProperty({ type: PanelOutcomeDto }) outcome: PanelOutcomeDto;
  @ApiProperty({ description: 'the application state after the vote' }) state: string;
}
