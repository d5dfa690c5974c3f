import request from 'supertest';
import { useTestApp } from '../support/fixtures.js';
import { scheduleDowntime, turnOff, untilState } from '../support/maintenance.js';
import { METRICS_TOKEN, samples, scrape, valueOf, type Scrape } from '../support/metrics.js';
import { bearer } from '../support/sessions.js';
import { testDatabaseKind } from '../support/test-app.js';

const SECOND = 1000;

function expectState(scraped: Scrape, state: 'off' | 'scheduled' | 'active'): void {
  for (const name of ['off', 'scheduled', 'active']) {
    expect(valueOf(scraped, 'maintenance_state', { state: name })).toBe(name === state ? 1 : 0);
  }
}

describe(`GET /metrics (${testDatabaseKind()})`, () => {
  describe('without METRICS_TOKEN', () => {
    const t = useTestApp({ env: { DEMO_DATA: 'false' } });

    it('does not exist: 404 problem+json, whatever the Authorization header', async () => {
      for (const headers of [{}, bearer(METRICS_TOKEN)]) {
        const response = await request(t.url).get('/metrics').set(headers);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.text).not.toContain('maintenance_state');
      }
    });
  });

  describe('with METRICS_TOKEN', () => {
    const t = useTestApp({ env: { METRICS_TOKEN } });

    afterEach(async () => {
      if ((await request(t.url).get('/api/maintenance/status')).body.state !== 'off') {
        t.clock.set(new Date());
        await turnOff(t);
      }
    });

    it.each([
      ['no Authorization header', {}],
      ['a wrong token', bearer('not-the-metrics-token-at-all')],
      ['the token without the Bearer scheme', { Authorization: METRICS_TOKEN }],
      ['an integration client token', bearer('demo-third-party-token')],
    ])('answers 401 problem+json to %s', async (_case, headers) => {
      const response = await request(t.url).get('/metrics').set(headers);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(response.text).not.toContain('maintenance_state');
    });

    it('serves the default process metrics', async () => {
      const scraped = await scrape(t);
      expect(valueOf(scraped, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(valueOf(scraped, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(scraped.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    });

    it('reports off: state 1 for off, no countdown, no active seconds', async () => {
      const scraped = await scrape(t);
      expectState(scraped, 'off');
      expect(valueOf(scraped, 'maintenance_seconds_until_start')).toBeUndefined();
      expect(valueOf(scraped, 'maintenance_active_seconds')).toBe(0);
    });

    it('reports scheduled with the whole seconds until the start, following the clock', async () => {
      const { startsAt } = await scheduleDowntime(t, 60);
      let scraped = await scrape(t);
      expectState(scraped, 'scheduled');
      const untilStart = valueOf(scraped, 'maintenance_seconds_until_start');
      expect(Number.isInteger(untilStart)).toBe(true);
      expect(untilStart).toBeGreaterThanOrEqual(59 * 60);
      expect(untilStart).toBeLessThanOrEqual(60 * 60);
      expect(valueOf(scraped, 'maintenance_active_seconds')).toBe(0);

      t.clock.set(new Date(startsAt.getTime() - 300 * SECOND));
      scraped = await scrape(t);
      expect(valueOf(scraped, 'maintenance_seconds_until_start')).toBeGreaterThanOrEqual(299);
      expect(valueOf(scraped, 'maintenance_seconds_until_start')).toBeLessThanOrEqual(300);
    });

    it('reports active with the seconds since the start, and is never refused by the lockout', async () => {
      const { startsAt } = await scheduleDowntime(t);
      t.clock.set(new Date(startsAt.getTime() + 90 * SECOND));
      await untilState(t, 'active');
      expect((await request(t.url).get('/api/contracts')).status).toBe(503);

      const scraped = await scrape(t);
      expectState(scraped, 'active');
      expect(valueOf(scraped, 'maintenance_seconds_until_start')).toBeUndefined();
      const activeSeconds = valueOf(scraped, 'maintenance_active_seconds');
      expect(activeSeconds).toBeGreaterThanOrEqual(90);
      expect(activeSeconds).toBeLessThan(100);
      // The token is still checked during downtime.
      expect((await request(t.url).get('/metrics')).status).toBe(401);

      t.clock.set(new Date());
      await turnOff(t);
      expectState(await scrape(t), 'off');
    });

    it('labels request durations by method, route template and status class, never the raw URL', async () => {
      const id = 'f1e2d3c4-0000-4000-8000-123456789abc';
      expect((await request(t.url).get(`/api/contracts/${id}`)).status).toBe(401);
      expect((await request(t.url).get(`/no/such/${id}`)).status).toBe(404);
      expect((await request(t.url).get('/health')).status).toBe(200);

      const scraped = await scrape(t);
      expect(scraped.types.get('http_request_duration_seconds')).toBe('histogram');
      const count = (labels: Record<string, string>) =>
        valueOf(scraped, 'http_request_duration_seconds_count', labels);
      expect(count({ method: 'GET', route: '/api/contracts/:id', status_class: '4xx' })).toBe(1);
      expect(count({ method: 'GET', route: 'unmatched', status_class: '4xx' })).toBe(1);
      expect(count({ method: 'GET', route: '/health', status_class: '2xx' })).toBe(1);
      const durations = scraped.samples.filter((sample) =>
        sample.name.startsWith('http_request_duration_seconds'),
      );
      for (const sample of durations) {
        const names = Object.keys(sample.labels).filter((name) => name !== 'le');
        expect(names.sort()).toEqual(['method', 'route', 'status_class']);
        expect(sample.labels.route).not.toContain(id);
      }
      expect(
        samples(scraped, 'http_request_duration_seconds_bucket', { route: '/health' }).length,
      ).toBeGreaterThan(1);
    });
  });

  describe('two instances in one process', () => {
    const first = useTestApp({ env: { METRICS_TOKEN, DEMO_DATA: 'false' } });
    const second = useTestApp({ env: { METRICS_TOKEN, DEMO_DATA: 'false' } });

    it('keep their own registries', async () => {
      const health = (scraped: Scrape) =>
        samples(scraped, 'http_request_duration_seconds_count', { route: '/health' }).length;
      await request(first.url).get('/health');
      expect(health(await scrape(first))).toBe(1);
      expect(health(await scrape(second))).toBe(0);
    });
  });
});
