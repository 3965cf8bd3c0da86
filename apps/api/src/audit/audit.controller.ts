import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog, AuditPageDto, AuditQuery } from '@awardflow/audit';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';

/** The office's audit log. Here, not in libs/audit, because identity itself writes to the log. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: "Admin actions outside the workflow (users, cycles, pool, panel, assignments, credit, scores, job retries) of the caller's offices, newest first" })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery, @CurrentUser() admin: AuthUser): Promise<AuditPageDto> {
    return this.audit.search(query, admin.officeIds);
  }
}
