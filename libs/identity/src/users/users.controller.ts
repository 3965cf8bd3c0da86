import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../roles/roles.decorator';
import { CreateUserDto, UserDto, UserPageDto, UserQuery } from './create-user.dto';
import { Page } from '@awardflow/platform';
import { UpdateUserDto } from './update-user.dto';
import { Role } from '../roles/role';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (admins only)' })
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthUser): Promise<UserDto> {
    return this.users.create(body, admin);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user\'s role, offices, active flag or password (admins only); applies to its next request' })
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() admin: AuthUser): Promise<UserDto> {
    return this.users.update(id, body, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admins only): the staff of the offices the admin manages, and the accounts outside every office (enterprises)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQuery, @CurrentUser() admin: AuthUser): Promise<Page<UserDto>> {
    return this.users.list(query, admin);
  }
}
