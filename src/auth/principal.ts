import type { Request } from 'express';
import type { IntegrationKind } from '../integrations/integration-client.entity.js';
import type { PublicUser } from '../users/user.entity.js';

/** Who is making a request; resolved once, before any guard runs. */
export type Principal =
  | {
      kind: 'user';
      user: PublicUser & { companyId: string | null };
      sessionId: string;
      csrfToken: string;
    }
  | { kind: 'integration'; client: { id: string; name: string; kind: IntegrationKind } }
  | { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function principalOf(request: Request): Principal {
  return request.principal ?? ANONYMOUS;
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
