import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { Repository } from 'typeorm';
import { sha256 } from '../common/secrets.js';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { SessionService } from './session.service.js';

export const SESSION_COOKIE = 'sid';

/** Resolves the principal of every request (bearer token, else session cookie, else anonymous) before any guard. */
@Injectable()
export class PrincipalMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionService,
    @InjectRepository(IntegrationClient) private readonly clients: Repository<IntegrationClient>,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    try {
      request.principal = await this.resolve(request);
      next();
    } catch (error) {
      next(error);
    }
  }

  private async resolve(request: Request): Promise<Principal> {
    const authorization = request.get('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) return ANONYMOUS;
      const client = await this.clients.findOneBy({ tokenHash: sha256(match[1]) });
      if (!client || !client.enabled) return ANONYMOUS;
      return {
        kind: 'integration',
        client: { id: client.id, name: client.name, kind: client.kind },
      };
    }
    const sessionId = (request.cookies as Record<string, string | undefined> | undefined)?.[
      SESSION_COOKIE
    ];
    if (!sessionId) return ANONYMOUS;
    const resolved = await this.sessions.resolve(sessionId);
    if (!resolved) return ANONYMOUS;
    const { session, user } = resolved;
    return {
      kind: 'user',
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        companyId: user.companyId,
      },
      sessionId,
      csrfToken: session.csrfToken,
    };
  }
}
