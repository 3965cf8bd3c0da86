import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { CreateOrganizationDto, CreateRecordDto, CreditGradeDto, OrganizationDto, RecordDto, RegisteredOrganizationDto, OrganizationPageDto, SearchOrganizationsQuery } from './organization.dto';
import { Page, PageQuery } from '@awardflow/platform';
import { OrganizationsService } from './organizations.service';
import { BlacklistEntryPageDto } from './blacklist-entry.dto';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Roles(Role.Applicant, Role.Admin)
  @ApiOperation({ summary: 'Register an organisation; an applicant is tied to it and gets a fresh token' })
  @ApiCreatedResponse({ type: RegisteredOrganizationDto })
  register(@Body() body: CreateOrganizationDto, @CurrentUser() user: AuthUser): Promise<RegisteredOrganizationDto> {
    return this.organizations.register(body, user);
  }

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Search organisations by name or credit code (admins)' })
  @ApiOkResponse({ type: OrganizationPageDto })
  search(@Query() query: SearchOrganizationsQuery): Promise<Page<OrganizationDto>> {
    return this.organizations.search(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation: admins any, an applicant only its own (404 otherwise)' })
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<OrganizationDto> {
    return this.organizations.getForUser(id, user);
  }
}

/** The data eligibility needs: compliance records (黑名单, 经营异常, 事故, 抽查, 处罚, 禁报) and credit grades. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin')
export class ComplianceController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('organizations/:id/records')
  @ApiOkResponse({ type: [RecordDto] })
  records(@Param('id', ParseUUIDPipe) id: string): Promise<RecordDto[]> {
    return this.organizations.records(id);
  }

  @Post('organizations/:id/records')
  @ApiOperation({ summary: 'Add a compliance record (blacklist entry, accident, ban, ...)' })
  @ApiCreatedResponse({ type: RecordDto })
  addRecord(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateRecordDto, @CurrentUser() admin: AuthUser): Promise<RecordDto> {
    return this.organizations.addRecord(id, body, admin);
  }

  @Delete('records/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeRecord(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<void> {
    await this.organizations.removeRecord(id, admin);
  }

  @Put('organizations/:id/credit-grade')
  @ApiOperation({ summary: 'Set the quality credit grade (A/B/C/D) with the reason, which the audit entry keeps' })
  @ApiOkResponse({ type: OrganizationDto })
  setCreditGrade(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreditGradeDto, @CurrentUser() admin: AuthUser): Promise<OrganizationDto> {
    return this.organizations.setCreditGrade(id, body.grade, body.reason, admin);
  }

  @Get('blacklist')
  @ApiOperation({ summary: 'The active 质量信用黑名单 across organisations' })
  @ApiOkResponse({ type: BlacklistEntryPageDto })
  blacklist(@Query() query: PageQuery) {
    return this.organizations.blacklist(query);
  }
}
