import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller, Role } from './caller';

export const ROLES_KEY = 'laufweg:roles';
export const PUBLIC_KEY = 'laufweg:public';

/** The route needs one of these roles (the guard answers 403 problem+json otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The route needs no token (health, API docs, the web app, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, as the guard attached it to the request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ caller?: Caller }>();
  if (!request.caller) throw new Error('No caller on the request: the route is public or the authentication guard did not run.');
  return request.caller;
});
