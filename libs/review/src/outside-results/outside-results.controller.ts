import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { OutsideResultDto, OutsideResultViewDto, RecordOutsideResultDto } from './outside-results.dto';
import { OutsideResultsService } from './outside-results.service';

/** A result decided above the office (鲁班奖, 中国质量奖, 中华老字号), recorded by the office for a selected application. */
@ApiTags('results')
@ApiBearerAuth()
@Controller('applications')
export class OutsideResultsController {
  constructor(private readonly results: OutsideResultsService) {}

  @Put(':id/outside-result')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Record (or correct) what became of a selected application above the office: recommended to whom and when, then conferred or not with the 文号 and date' })
  @ApiOkResponse({ type: OutsideResultDto })
  record(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordOutsideResultDto, @CurrentUser() admin: AuthUser): Promise<OutsideResultDto> {
    return this.results.record(id, body, admin);
  }

  @Get(':id/outside-result')
  @ApiOperation({ summary: "The award's chain above the office and the result recorded there (null while none is), for whoever may see the application" })
  @ApiOkResponse({ type: OutsideResultViewDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<OutsideResultViewDto> {
    return this.results.view(id, user);
  }
}
