import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { BulkActions } from './bulk-actions';
import { BulkActionDto, BulkActionResultDto } from './bulk-actions.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('cycles')
export class BulkActionsController {
  constructor(private readonly bulk: BulkActions) {}

  @Post(':id/bulk-actions/:action')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      '批量办理: one office action (pass_formal_review, pass_preliminary_review, shortlist, not_shortlist, pass_comprehensive_selection, fail_comprehensive_selection, government_approve, approve, approve_second_tier) for up to 1,000 applications of the cycle; each is moved or skipped with its reason. 审定 checks the whole batch against the quota: over it, 409 and nothing moved',
  })
  @ApiOkResponse({ type: BulkActionResultDto })
  run(@Param('id', ParseUUIDPipe) id: string, @Param('action') action: string, @Body() body: BulkActionDto, @CurrentUser() user: AuthUser): Promise<BulkActionResultDto> {
    return this.bulk.run(id, action, body, user);
  }
}
