import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { WorkbenchDto, WorkbenchQuery } from './workbench.dto';
import { WorkbenchService } from './workbench.service';

/** The award office's landing page: its running cycles and what waits on it. Admins only, their offices only. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: "工作台: per running cycle of the caller's offices, applications by stage and by 区县, overdue reviews with their experts, open objections, the coming 7 days' deadlines and flagged applications" })
  @ApiOkResponse({ type: WorkbenchDto })
  get(@Query() query: WorkbenchQuery, @CurrentUser() admin: AuthUser): Promise<WorkbenchDto> {
    return this.workbench.workbench(admin, query.cycleId);
  }
}
