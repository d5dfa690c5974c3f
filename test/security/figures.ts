import { appendFileSync, mkdirSync } from 'node:fs';
import { testDatabaseKind } from '../support/test-app.js';

/**
 * Records a figure of the security suite (inputs tried, matrix cells, 401s out of N concurrent
 * attempts): printed, and appended to test-results/security-figures-<database>.txt.
 */
export function recordFigure(name: string, value: string | number): void {
  const line = `${testDatabaseKind()}: ${name}: ${value}`;
  console.log(line);
  mkdirSync('test-results', { recursive: true });
  appendFileSync(`test-results/security-figures-${testDatabaseKind()}.txt`, `${line}\n`);
}
