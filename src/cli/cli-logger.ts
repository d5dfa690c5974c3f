import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { PinoNestLogger } from '../logging/logger.js';

/**
 * The command line's logger: the structured lines (the changes, with their actor) go to stderr as
 * JSON; Nest's own start-up chatter (plain strings at info level) is dropped so that stdout and
 * stderr stay readable.
 */
export class CliLogger implements LoggerService {
  private readonly logger: PinoNestLogger;

  constructor(pino: Logger) {
    this.logger = new PinoNestLogger(pino);
  }

  log(message: unknown, context?: string): void {
    if (message !== null && typeof message === 'object') this.logger.log(message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(message, trace, context);
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn(message, context);
  }
  debug(): void {}
  verbose(): void {}
}
