import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Role } from '../roles/role';
import { Roles } from '../roles/roles.decorator';
import { CreateOfficeDto, OfficeContactDto, OfficeContactInputDto, OfficeDto, OfficeMemberDto, OfficePageDto, OfficeQuery } from './office.dto';
import { OfficesService } from './offices.service';

@ApiTags('offices')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Post()
  @ApiOperation({ summary: 'Create an office under one the admin manages (a top office: admins of a top office only)' })
  @ApiCreatedResponse({ type: OfficeDto })
  create(@Body() body: CreateOfficeDto, @CurrentUser() admin: AuthUser): Promise<OfficeDto> {
    return this.offices.create(body, admin);
  }

  @Get()
  @ApiOperation({ summary: 'The offices the admin manages: its own and every office below them, by division code' })
  @ApiOkResponse({ type: OfficePageDto })
  list(@Query() query: OfficeQuery, @CurrentUser() admin: AuthUser): Promise<OfficePageDto> {
    return this.offices.list(query, admin);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One office the admin manages' })
  @ApiOkResponse({ type: OfficeDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() admin: AuthUser): Promise<OfficeDto> {
    return this.offices.get(id, admin);
  }

  @Get(':id/contact')
  @Roles(Role.Applicant, Role.Recommender, Role.Reviewer, Role.Admin)
  @ApiOperation({ summary: "Who to call at the office (its 联系部门 and 电话): for anyone signed in, e.g. an enterprise whose submission waits on the office's records" })
  @ApiOkResponse({ type: OfficeContactDto })
  contact(@Param('id', ParseUUIDPipe) id: string): Promise<OfficeContactDto> {
    return this.offices.contact(id);
  }

  @Put(':id/contact')
  @ApiOperation({ summary: 'Set who an enterprise calls at the office (an admin of the office or one above it)' })
  @ApiOkResponse({ type: OfficeContactDto })
  setContact(@Param('id', ParseUUIDPipe) id: string, @Body() body: OfficeContactInputDto, @CurrentUser() admin: AuthUser): Promise<OfficeContactDto> {
    return this.offices.setContact(id, body, admin);
  }

  @Put(':id/members/:userId')
  @ApiOperation({ summary: 'Make an admin, reviewer or recommender account a member of the office (its role is the account\'s); applies to its next request' })
  @ApiOkResponse({ type: OfficeMemberDto })
  addMember(@Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string, @CurrentUser() admin: AuthUser): Promise<OfficeMemberDto> {
    return this.offices.addMember(id, userId, admin);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take an account out of the office; applies to its next request' })
  @ApiNoContentResponse()
  removeMember(@Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string, @CurrentUser() admin: AuthUser): Promise<void> {
    return this.offices.removeMember(id, userId, admin);
  }
}
