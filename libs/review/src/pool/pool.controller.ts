import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { PageDto } from '@awardflow/platform';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { RegisterReviewerDto, ReviewerPoolQuery } from './pool.dto';
import { ReviewPoolService } from './pool.service';
import { ReviewerProfileDto } from './pool-responses.dto';

const ReviewerProfilePageDto = PageDto(ReviewerProfileDto);

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
  @ApiOperation({ summary: "A page of the office's expert pool (专家库): searched by name, filtered by field, sorted (default: the order of its members)" })
  @ApiOkResponse({ type: ReviewerProfilePageDto })
  reviewers(@Query() query: ReviewerPoolQuery, @CurrentUser() admin: AuthUser) {
    return this.pool.page(admin.officeIds, query);
  }
}
