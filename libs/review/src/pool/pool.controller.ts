import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { PageDto, pageOf, pageWindow, parseSort } from '@awardflow/platform';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { RegisterReviewerDto, ReviewerPoolQuery, type ReviewerSortKey } from './pool.dto';
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
  async reviewers(@Query() query: ReviewerPoolQuery, @CurrentUser() admin: AuthUser) {
    // The pool is the office's members who are experts (tens, a few hundred at most): read whole,
    // then filtered, sorted and cut here — a SQL page would buy nothing at this size.
    const window = pageWindow(query);
    const needle = query.search?.trim().toLowerCase();
    const field = query.expertise;
    const matching = (await this.pool.list(admin.officeIds)).filter(
      (r) => (!needle || r.displayName.toLowerCase().includes(needle)) && (!field || r.expertise.some((e) => e.startsWith(field) || field.startsWith(e))),
    );
    const sort = parseSort<ReviewerSortKey>(query.sort, { displayName: 'displayName', openAssignments: 'openAssignments', maxLoad: 'maxLoad' });
    const sorted = sort ? [...matching].sort(byColumn(sort.column as ReviewerSortKey, sort.descending)) : matching;
    return pageOf(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window);
  }
}

type Sortable = Pick<ReviewerProfileDto, ReviewerSortKey | 'userId'>;

/** Names in Chinese collation (pinyin order), numbers as numbers; the user id breaks ties so pages fit together. */
function byColumn(column: ReviewerSortKey, descending: boolean): (a: Sortable, b: Sortable) => number {
  const collator = new Intl.Collator('zh-CN');
  return (a, b) => {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (descending ? -order : order) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  };
}
