import { PageDto } from '@awardflow/platform';
import { ApiProperty } from '@nestjs/swagger';
import { RecordDto } from './organization.dto';

export class BlacklistEntryDto extends RecordDto {
  @ApiProperty() organizationName: string;
  @ApiProperty() uscc: string;
}

export const BlacklistEntryPageDto = PageDto(BlacklistEntryDto);
