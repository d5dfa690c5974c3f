import { loadAppConfig } from '../config/app-config.js';
import { LOCKOUT_EXEMPTIONS } from '../lockout/lockout.js';
import { SIGN_IN_WITHOUT_RATE_LIMIT_STORE } from './auth.service.js';
import { DeviceCookies, signDeviceCookie, trustedDeviceId } from './device-cookie.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123';
const DEVICE = 'AbCdEfGhIjKlMnOpQrStUvWx';

describe('device cookies', () => {
  const cookie = signDeviceCookie(SECRET, 'Consultant@Demo.test', DEVICE);

  it('trusts a cookie signed for the account (any case of the address)', () => {
    expect(trustedDeviceId(SECRET, 'consultant@demo.test', cookie)).toBe(DEVICE);
  });

  it.each([
    ['another account', SECRET, 'admin@demo.test', cookie],
    ['another secret', `${SECRET}x`, 'consultant@demo.test', cookie],
    ['an altered device id', SECRET, 'consultant@demo.test', `X${cookie.slice(1)}`],
    ['an altered signature', SECRET, 'consultant@demo.test', `${cookie.slice(0, -2)}AA`],
    ['a truncated signature', SECRET, 'consultant@demo.test', cookie.slice(0, -5)],
    ['no signature', SECRET, 'consultant@demo.test', DEVICE],
    ['extra parts', SECRET, 'consultant@demo.test', `${cookie}.x`],
    ['nothing', SECRET, 'consultant@demo.test', undefined],
  ])('does not trust a cookie for %s', (_case, secret, account, value) => {
    expect(trustedDeviceId(secret, account, value)).toBeUndefined();
  });

  it('keeps the device id of a trusted device and gives a new one otherwise', () => {
    const devices = new DeviceCookies(loadAppConfig({ DEVICE_COOKIE_SECRET: SECRET }));
    expect(devices.issue('a@x.test', DEVICE)).toBe(signDeviceCookie(SECRET, 'a@x.test', DEVICE));
    const fresh = devices.issue('a@x.test', undefined);
    expect(devices.trusted('a@x.test', fresh)).toMatch(/^[\w-]{24}$/);
    expect(devices.issue('a@x.test', undefined)).not.toBe(fresh);
  });

  it('refuses to start in production without DEVICE_COOKIE_SECRET, and never echoes a wrong one', () => {
    expect(() => new DeviceCookies(loadAppConfig({ NODE_ENV: 'production' }))).toThrow(
      /DEVICE_COOKIE_SECRET: is required/,
    );
    expect(() => loadAppConfig({ DEVICE_COOKIE_SECRET: 'short-secret' })).toThrow(
      /^Invalid configuration: DEVICE_COOKIE_SECRET: .*not shown\)$/,
    );
    expect(() => loadAppConfig({ DEVICE_COOKIE_SECRET: 'short-secret' })).not.toThrow(
      /short-secret/,
    );
  });

  it('lets exactly the roles exempt from the lockout sign in without the rate-limit store', () => {
    expect([...SIGN_IN_WITHOUT_RATE_LIMIT_STORE].sort()).toEqual(
      [...LOCKOUT_EXEMPTIONS.roles].sort(),
    );
  });
});
