import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { principalOf } from '../auth/principal.js';
import { languageOf, type Language } from '../common/language.js';
import { AppConfig } from '../config/app-config.js';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { UserLanguage } from './announcement.entities.js';

/**
 * Remembers the language each signed-in user reads the platform in (Accept-Language), so that
 * announcements reach them in it. Written only when it differs from what this instance last saw,
 * and never waited for: a request is not slowed down or failed by it.
 */
@Injectable()
export class UserLanguageInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Announcements');
  private readonly known = new Map<string, Language>();

  constructor(
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const principal = principalOf(request);
      if (principal.kind === 'user' && request.get('accept-language')) {
        this.remember(principal.user.id, languageOf(request, this.config.DEFAULT_LANGUAGE));
      }
    }
    return next.handle();
  }

  private remember(userId: string, language: Language): void {
    if (this.known.get(userId) === language) return;
    this.known.set(userId, language);
    this.transactions
      .run(SYSTEM, (manager) => manager.upsert(UserLanguage, { userId, language }, ['userId']))
      .catch((error: unknown) => {
        this.known.delete(userId);
        this.logger.warn({ event: 'user-language-not-saved', error: String(error) });
      });
  }
}
