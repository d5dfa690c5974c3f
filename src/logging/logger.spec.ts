import { Writable } from 'node:stream';
import { createLogger, isProbe, PinoNestLogger, redactUrl } from './logger.js';

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

describe('isProbe', () => {
  it.each(['/metrics', '/health', '/health/ready', '/health/live?x=1'])('%s is a probe', (url) => {
    expect(isProbe(url)).toBe(true);
  });
  it.each(['/api/contracts', '/healthy', '/metrics/x', '/', undefined])('%s is not', (url) => {
    expect(isProbe(url)).toBe(false);
  });
});

describe('PinoNestLogger', () => {
  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: new PinoNestLogger(createLogger('info', sink)) };
  }

  it("puts Nest's start-up chatter (modules, routes) at debug, and keeps everything else", () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/api/contracts, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log({ event: 'maintenance.scheduled' }, 'Maintenance');
    logger.log('a plain line of a feature', 'Users');
    expect(lines.map((line) => line.msg ?? line.event)).toEqual([
      'maintenance.scheduled',
      'a plain line of a feature',
    ]);
  });
});
