import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const ROLES_KEY = 'awardflow:roles';

/** Restricts a route (or a controller) to the given roles; without it any signed-in user may call. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
