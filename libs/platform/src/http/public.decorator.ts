import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'awardflow:isPublic';

/** Every route needs a signed-in user unless it is marked with @Public(). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
