import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/** Never logged: credentials, cookies, tokens. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.csrfToken',
  '*.secret',
  '*.apiKey',
  '*.body.password',
  '*.body.token',
];

/** Query parameters whose value is a credential (activation links carry their token in the URL). */
const SECRET_PARAMETER = /token|password|passwd|secret|key|session|sid|csrf|code|auth/i;

/** The URL with the value of every credential-like query parameter replaced. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A name that does not decode is checked as sent.
      }
      return SECRET_PARAMETER.test(decoded) && pair.includes('=') ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    destination,
  );
}

/**
 * Nest's start-up chatter (one line per module and per route: over a hundred): debug, not info.
 * The start is told by one `listening` line instead (main.ts).
 */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Prometheus scrapes and health probes: every few seconds, all alike; their request lines are debug. */
export function isProbe(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0];
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/** Nest's logger interface over pino: every line is one JSON object; objects are merged, strings become `msg`. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: string,
  ): void {
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.logger[level]({ context, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level]({ context }, message instanceof Error ? message.message : String(message));
    }
  }

  log(message: unknown, context?: string): void {
    const chatter = typeof message === 'string' && NEST_STARTUP_CONTEXTS.has(context ?? '');
    this.write(chatter ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context ?? trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
}

/** One line per request, with a request id (taken from X-Request-Id when it looks sane) echoed back. */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    // A probe that answers well is debug; one that fails (e.g. readiness 503) stays visible.
    customLogLevel: (request, response, error) =>
      isProbe(request.url) && !error && response.statusCode < 400 ? 'debug' : 'info',
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: (request) => {
      const principal = (
        request as { principal?: { kind: string; user?: { id: string }; client?: { id: string } } }
      ).principal;
      return { principal: principal?.kind, actor: principal?.user?.id ?? principal?.client?.id };
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
