import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { RegisterReviewerDto } from './pool.dto';
import { ReviewPoolService } from './pool.service';
import { ReviewerProfileDto } from './pool-responses.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class PoolController {
  constructor(private readonly pool: ReviewPoolService) {}

  @Post('reviewers')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Register or update a reviewer in the pool: expertise and ties' })
  @ApiCreatedResponse({ type: ReviewerProfileDto })
  register(@Body() body: RegisterReviewerDto, @CurrentUser() admin: AuthUser) {
    return this.pool.register(body, admin);
  }

  @Get('reviewers')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [ReviewerProfileDto] })
  reviewers(@CurrentUser() admin: AuthUser) {
    return this.pool.list(admin.officeIds);
  }
}
