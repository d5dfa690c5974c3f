import { redactUrl } from './logger.js';

describe('redactUrl', () => {
  it.each([
    ['/api/contracts', '/api/contracts'],
    ['/api/contracts?page=2', '/api/contracts?page=2'],
    ['/activate?token=abc&lang=nl', '/activate?token=[redacted]&lang=nl'],
    [
      '/x?password=p&new_password=q&apiKey=k',
      '/x?password=[redacted]&new_password=[redacted]&apiKey=[redacted]',
    ],
    ['/x?access%5Ftoken=t', '/x?access%5Ftoken=[redacted]'],
    ['/x?csrf=c&sid=s&code=1', '/x?csrf=[redacted]&sid=[redacted]&code=[redacted]'],
    ['/x?token', '/x?token'],
    ['/x?%E0%A4%A=1', '/x?%E0%A4%A=1'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
