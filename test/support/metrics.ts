import request from 'supertest';
import { bearer } from './sessions.js';
import type { TestApp } from './test-app.js';

export const METRICS_TOKEN = 'test-metrics-token-0123456789';

/** One line of the exposition text: a histogram contributes its `_bucket`, `_sum` and `_count` lines. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  /** `# TYPE` of each metric family, e.g. `gauge`. */
  types: Map<string, string>;
  samples: MetricSample[];
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const ESCAPES: Record<string, string> = { '\\\\': '\\', '\\"': '"', '\\n': '\n' };

/**
 * Parses the Prometheus text format (version 0.0.4). Throws on a line it does not understand, so a
 * malformed exposition fails the test.
 */
export function parseExposition(text: string): Scrape {
  const scraped: Scrape = { types: new Map(), samples: [] };
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('# HELP ')) continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      scraped.types.set(type[1], type[2]);
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(LABEL)) {
      labels[key] = value.replace(/\\[\\"n]/g, (escape) => ESCAPES[escape]);
    }
    scraped.samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return scraped;
}

/** Scrapes GET /metrics with the bearer token; throws unless 200 in the Prometheus text format. */
export async function scrape(t: TestApp, token = METRICS_TOKEN): Promise<Scrape> {
  const response = await request(t.url).get('/metrics').set(bearer(token));
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status}`);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(response.text);
}

/** The samples named `name` whose labels include `labels`. */
export function samples(
  scraped: Scrape,
  name: string,
  labels: Record<string, string> = {},
): MetricSample[] {
  return scraped.samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
}

/** The value of the one sample with this name and these labels; undefined when there is none. */
export function valueOf(
  scraped: Scrape,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const found = samples(scraped, name, labels);
  if (found.length > 1) throw new Error(`${name}: ${found.length} samples match`);
  return found[0]?.value;
}
