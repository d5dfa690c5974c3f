import { metricsAccess } from './metrics.access.js';

const TOKEN = 'metrics-secret-0123456789';

describe('metricsAccess', () => {
  it.each([undefined, `Bearer ${TOKEN}`, 'Bearer other', ''])(
    'is disabled without a configured token (authorization %p)',
    (authorization) => {
      expect(metricsAccess(undefined, authorization)).toBe('disabled');
    },
  );

  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer   ${TOKEN}`])(
    'allows the configured bearer token (%p)',
    (authorization) => {
      expect(metricsAccess(TOKEN, authorization)).toBe('allowed');
    },
  );

  it.each([
    undefined,
    '',
    TOKEN,
    `Basic ${TOKEN}`,
    'Bearer ',
    'Bearer wrong-token',
    `Bearer ${TOKEN}x`,
    `Bearer ${TOKEN.slice(1)}`,
    `Bearer ${TOKEN} extra`,
  ])('refuses %p when a token is configured', (authorization) => {
    expect(metricsAccess(TOKEN, authorization)).toBe('unauthorized');
  });
});
