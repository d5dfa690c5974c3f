import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isIP } from 'node:net';

/**
 * The client's address as Express derived it (from X-Forwarded-For only through the proxies
 * that TRUST_PROXY names), or `unknown` when that is not an IP address (a forged header).
 */
export function clientAddress(request: Request): string {
  const address = request.ip ?? '';
  return isIP(address) ? address : 'unknown';
}

export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    clientAddress(context.switchToHttp().getRequest<Request>()),
);
