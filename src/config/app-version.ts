import { readFileSync } from 'node:fs';

/** This build's version, from package.json (two folders above dist/src/config, or src/config). */
export function appVersion(): string {
  for (const path of ['../../../package.json', '../../package.json']) {
    try {
      const { version } = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        version?: unknown;
      };
      if (typeof version === 'string') return version;
    } catch {
      // Not at this level: try the next.
    }
  }
  return 'unknown';
}
