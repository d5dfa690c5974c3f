import { isCrossSite } from './same-origin.guard.js';

describe('isCrossSite', () => {
  const own = ['https://staffing.example', 'http://127.0.0.1:3000'];

  it.each([
    [{}, false],
    [{ origin: 'https://staffing.example' }, false],
    [{ origin: 'HTTP://127.0.0.1:3000' }, false],
    [{ secFetchSite: 'same-origin' }, false],
    [{ secFetchSite: 'same-site' }, false],
    [{ secFetchSite: 'none' }, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'null' }, true],
    [{ origin: 'https://staffing.example.evil.example' }, true],
    [{ secFetchSite: 'cross-site' }, true],
    [{ origin: 'https://staffing.example', secFetchSite: 'Cross-Site' }, true],
  ])('%j → %s', (headers, expected) => {
    expect(isCrossSite(headers, own)).toBe(expected);
  });
});
