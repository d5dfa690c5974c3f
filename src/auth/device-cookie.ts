import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, ConfigError } from '../config/app-config.js';

/** The cookie that marks a browser as one the account signed in from before. */
export const DEVICE_COOKIE = 'device';

/** Only outside production; a production start without DEVICE_COOKIE_SECRET is refused. */
const DEVELOPMENT_SECRET = 'development-only-device-cookie-secret-not-for-production';

function signature(secret: string, account: string, deviceId: string): Buffer {
  return createHmac('sha256', secret).update(`${account.toLowerCase()}\n${deviceId}`).digest();
}

/** `<device id>.<HMAC of account and device id>`: the account is not in the cookie, only bound by the signature. */
export function signDeviceCookie(secret: string, account: string, deviceId: string): string {
  return `${deviceId}.${signature(secret, account, deviceId).toString('base64url')}`;
}

/** The device id of a cookie that `secret` signed for `account`; undefined for anything else (forged, altered, another account's). */
export function trustedDeviceId(
  secret: string,
  account: string,
  value: string | undefined,
): string | undefined {
  const [deviceId, signed, ...rest] = (value ?? '').split('.');
  if (!deviceId || !signed || rest.length > 0 || !/^[\w-]{16,64}$/.test(deviceId)) return undefined;
  const expected = signature(secret, account, deviceId);
  const given = Buffer.from(signed, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? deviceId
    : undefined;
}

/**
 * OWASP's device cookies against distributed lockout: a successful login gives the browser a
 * signed cookie for that account; from such a trusted device a login counts against the device's
 * own failure budget only, not against the account's ceiling that an attacker can fill from many
 * addresses. The secret (DEVICE_COOKIE_SECRET) is never logged.
 */
@Injectable()
export class DeviceCookies {
  private readonly secret: string;

  constructor(config: AppConfig) {
    if (config.isProduction && !config.DEVICE_COOKIE_SECRET) {
      throw new ConfigError(
        'Invalid configuration: DEVICE_COOKIE_SECRET: is required when NODE_ENV=production',
      );
    }
    this.secret = config.DEVICE_COOKIE_SECRET ?? DEVELOPMENT_SECRET;
  }

  /** The device id when `cookie` is a valid device cookie for `account`. */
  trusted(account: string, cookie: string | undefined): string | undefined {
    return trustedDeviceId(this.secret, account, cookie);
  }

  /** The cookie to give after a successful login: the same device id when it was trusted already. */
  issue(account: string, trustedId: string | undefined): string {
    return signDeviceCookie(
      this.secret,
      account,
      trustedId ?? randomBytes(18).toString('base64url'),
    );
  }
}
