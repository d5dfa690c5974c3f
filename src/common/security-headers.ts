import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config/app-config.js';

/**
 * Helmet on pages and API: a CSP without inline script (the pages load /assets/app.js and keep
 * their data in a JSON block), no framing, nosniff, no referrer, and HSTS only where cookies are
 * Secure (HTTPS is then a given; on plain HTTP it would lock browsers out).
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': config.cookieSecure ? [] : null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.cookieSecure
      ? { maxAge: 180 * 24 * 3600, includeSubDomains: true }
      : false,
  });
}
