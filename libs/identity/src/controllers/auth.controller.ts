import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@awardflow/platform';
import { AuthUser } from '../auth-user';
import { CurrentUser } from '../decorators/current-user.decorator';
import { AccessTokenDto, LoginDto } from '../dto/login.dto';
import { UserDto } from '../dto/create-user.dto';
import { AuthService } from '../services/auth.service';
import { UsersService } from '../services/users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the same answer for both)' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.get(user.id);
  }
}
