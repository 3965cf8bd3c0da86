import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, AuthUser } from '../auth-user';
import { AccessTokenDto } from '../dto/login.dto';
import { User } from '../entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

// One message for an unknown user, a wrong password and a disabled account: no user enumeration.
const INVALID_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users.findByUsername(username);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || !user.isActive) throw new UnauthorizedException(INVALID_CREDENTIALS);
    await this.users.markLoggedIn(user.id);
    return this.issue(user);
  }

  /** A fresh token after the user's claims changed (an applicant that just registered its organisation). */
  async reissue(userId: string): Promise<AccessTokenDto> {
    const user = await this.users.findById(userId);
    if (!user || !user.isActive) throw new UnauthorizedException(INVALID_CREDENTIALS);
    return this.issue(user);
  }

  private async issue(user: User): Promise<AccessTokenDto> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      org: user.organizationId,
      offices: (user.offices ?? []).map((o) => o.id),
    };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }

  async verify(token: string): Promise<AuthUser> {
    const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    return { id: claims.sub, username: claims.username, role: claims.role, organizationId: claims.org, officeIds: claims.offices ?? [] };
  }
}
