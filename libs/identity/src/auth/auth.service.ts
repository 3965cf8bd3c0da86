import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { FieldValidationError } from '@awardflow/platform';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { AccessTokenDto } from './login.dto';
import { User } from '../users/user.entity';
import { AuthUserLoader } from './auth-user-loader';
import { PasswordHasher } from './password-hasher';
import { UsersService } from '../users/users.service';

// One message for an unknown user, a wrong password and a disabled account: no user enumeration.
const INVALID_CREDENTIALS = '用户名或密码错误';
// One message for a bad signature, an expired token and a revoked one (disabled, password changed).
const INVALID_TOKEN = '登录已失效，请重新登录';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly currentUsers: AuthUserLoader,
  ) {}

  async login(username: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users.findByUsername(username);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || !user.isActive) throw new UnauthorizedException(INVALID_CREDENTIALS);
    await this.users.markLoggedIn(user.id);
    return this.issue(user);
  }

  /** A fresh token for a signed-in user (kept for callers that hand one out after a change). */
  async reissue(userId: string): Promise<AccessTokenDto> {
    const user = await this.users.findById(userId);
    if (!user || !user.isActive) throw new UnauthorizedException(INVALID_CREDENTIALS);
    return this.issue(user);
  }

  /** The caller changes its own password: every earlier token stops working, this answer carries a new one. */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string): Promise<AccessTokenDto> {
    const user = await this.users.findByUsername(caller.username);
    if (!user || user.id !== caller.id || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new FieldValidationError([{ field: 'currentPassword', messages: ['不正确'] }]);
    }
    await this.users.setPassword(user.id, newPassword);
    return this.reissue(user.id);
  }

  private async issue(user: User): Promise<AccessTokenDto> {
    const claims: AccessTokenClaims = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }

  /**
   * The token's user as the database says it is now. UnauthorizedException for a bad or expired
   * token and for a user that is gone, disabled or has revoked its tokens; any other error (the
   * database is down) propagates, so it is not mistaken for a bad token.
   */
  async verify(token: string): Promise<AuthUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    const user = await this.currentUsers.load(claims.sub, claims.ver ?? 0);
    if (!user) throw new UnauthorizedException(INVALID_TOKEN);
    return user;
  }
}
