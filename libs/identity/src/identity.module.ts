import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '@awardflow/platform';
import { AuthController } from './controllers/auth.controller';
import { UsersController } from './controllers/users.controller';
import { Office } from './entities/office.entity';
import { User } from './entities/user.entity';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { AuthService } from './services/auth.service';
import { PasswordHasher } from './services/password-hasher';
import { UsersService } from './services/users.service';

/** Users, roles, passwords, tokens. Both guards are global: authentication first, then roles. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Office]),
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        secret: config.get('JWT_SECRET'),
        signOptions: { expiresIn: config.get('JWT_EXPIRES_IN') as `${number}h`, issuer: 'awardflow' },
        verifyOptions: { issuer: 'awardflow' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [UsersService, AuthService],
})
export class IdentityModule {}

/** Identity without the HTTP side, for the worker and the seed command. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Office])],
  providers: [UsersService, PasswordHasher],
  exports: [UsersService],
})
export class IdentityCoreModule {}
