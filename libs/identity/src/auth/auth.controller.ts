import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@awardflow/platform';
import { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto } from './change-password.dto';
import { AccessTokenDto, LoginDto } from './login.dto';
import { UserDto } from '../users/create-user.dto';
import { AuthService } from './auth.service';
import { UsersService } from '../users/users.service';
import { PasswordAttempt } from '../throttling/password-attempt-throttlers';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @PasswordAttempt()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or against this account, in the last minute' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body.username, body.password);
  }

  @Post('password')
  @PasswordAttempt()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own password; every earlier token stops working and a new one is returned' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiBadRequestResponse({ description: 'Wrong current password, or a new password that is too short or too common' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentUser() user: AuthUser): Promise<AccessTokenDto> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.get(user.id);
  }
}
