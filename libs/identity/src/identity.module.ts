import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@awardflow/audit';
import { AppConfigService } from '@awardflow/platform';
import { createSecretKey } from 'node:crypto';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './users/users.controller';
import { OfficesController } from './offices/offices.controller';
import { OfficesService } from './offices/offices.service';
import { Office } from './offices/office.entity';
import { User } from './users/user.entity';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './roles/roles.guard';
import { AuthService } from './auth/auth.service';
import { AuthUserLoader } from './auth/auth-user-loader';
import { PasswordHasher, passwordHashCost } from './auth/password-hasher';
import { UsersService } from './users/users.service';

/** Users, passwords and tokens without HTTP: for other contexts, the worker and the seed. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Office]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise tries to parse the string as a PEM
        // public key on every verify (and fails) before making it a secret key, ~0.4 ms per request.
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'), 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_EXPIRES_IN') as `${number}h`, issuer: 'awardflow' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'awardflow' },
      }),
    }),
  ],
  providers: [
    AuthService,
    UsersService,
    AuthUserLoader,
    {
      provide: PasswordHasher,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) =>
        new PasswordHasher(
          passwordHashCost({
            PASSWORD_HASH_MEMORY_KIB: config.get('PASSWORD_HASH_MEMORY_KIB'),
            PASSWORD_HASH_TIME_COST: config.get('PASSWORD_HASH_TIME_COST'),
            PASSWORD_HASH_PARALLELISM: config.get('PASSWORD_HASH_PARALLELISM'),
          }),
        ),
    },
  ],
  exports: [AuthService, UsersService, AuthUserLoader],
})
export class IdentityCoreModule {}

/** The HTTP side. Both guards are global: authentication first, then roles. */
@Module({
  imports: [IdentityCoreModule, AuditModule],
  controllers: [AuthController, UsersController, OfficesController],
  providers: [
    OfficesService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [IdentityCoreModule],
})
export class IdentityModule {}
