import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { identityProviderUnavailableProblem, forbiddenProblem, unauthorizedProblem } from './auth-problems';
import type { Caller, Role } from './caller';
import { TenantMembershipRepository } from './tenant-membership.repository';
import { TokenRejectedError, TokenVerifier } from './token-verifier';
import { IssuerUnavailableError } from './trusted-issuer';

/** The request as the guard leaves it: `caller` is set on every route that is not `@Public()`. */
export type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * The global guard (APP_GUARD): every route needs `Authorization: Bearer <JWT>` unless it is
 * `@Public()`. The token is verified (TokenVerifier), the caller's tenant memberships are read
 * from the database, and the Caller is attached as `request.caller`. A route with `@Roles(...)`
 * needs one of those roles. Answers 401 problem+json (with a WWW-Authenticate header, RFC 6750)
 * for a missing or bad token, saying what was wrong, and 403 for a missing role, naming the
 * roles needed. Static files (the web app) and the OpenAPI UI are served before Nest's routing
 * and never reach this guard.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger(AuthenticationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly memberships: TenantMembershipRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();

    const verified = await this.verify(request, response);
    const needed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (needed.length > 0 && !needed.some((role) => verified.roles.has(role))) {
      const held = verified.roles.size > 0 ? `you have ${[...verified.roles].join(', ')}` : 'your token grants no Laufweg role';
      throw forbiddenProblem(`This needs the role ${needed.join(' or ')}; ${held}.`);
    }
    const tenants = await this.memberships.tenantsOf(verified.subject, { admin: verified.roles.has('admin') });
    request.caller = { subject: verified.subject, displayName: verified.displayName, roles: verified.roles, tenants };
    return true;
  }

  private async verify(request: Request, response: Response): ReturnType<TokenVerifier['verify']> {
    const header = request.headers.authorization;
    if (!header) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="laufweg"');
      throw unauthorizedProblem('The request has no bearer token: send Authorization: Bearer <token> from your identity provider.');
    }
    const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
    if (!match) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="laufweg", error="invalid_request"');
      throw unauthorizedProblem('The Authorization header is not a bearer token: it must read Bearer <token>.');
    }
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        response.setHeader('WWW-Authenticate', `Bearer realm="laufweg", error="invalid_token", error_description="${headerSafe(error.reason)}"`);
        throw unauthorizedProblem(error.reason);
      }
      if (error instanceof IssuerUnavailableError) {
        this.logger.warn(error.message);
        throw identityProviderUnavailableProblem(error.issuer);
      }
      throw error;
    }
  }
}

/** A header value carries printable ASCII only; the reason may quote the token's own claims. */
function headerSafe(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}
