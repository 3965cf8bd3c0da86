import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicantMask, ApplicationsService, audienceOf } from '@awardflow/applications';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { OnsiteReviewService } from './onsite.service';
import { OnsiteFindingDto } from './onsite-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class OnsiteController {
  constructor(
    private readonly onsite: OnsiteReviewService,
    private readonly applications: ApplicationsService,
    private readonly mask: ApplicantMask,
  ) {}

  @Get('applications/:id/onsite-findings')
  @Roles(Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: '现场评审 findings recorded with pass_onsite_review / fail_onsite_review (payload.findings, payload.scoreAdjustment)' })
  @ApiOkResponse({ type: [OnsiteFindingDto] })
  async onsiteFindings(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    const { application, cycle } = await this.applications.loadVisible(id, user);
    return this.onsite.findings(id, await this.mask.for(audienceOf(user, { application, cycle }), application.organizationId));
  }
}
