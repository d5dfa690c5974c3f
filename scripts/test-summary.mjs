// Sums the jest result files of every run and fails unless each run executed tests, none failed and none skipped.
import { readFileSync } from 'node:fs';

const runs = ['unit', 'e2e-sqlite', 'e2e-postgres', 'browser'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const run of runs) {
  const result = JSON.parse(readFileSync(`test-results/${run}.json`, 'utf8'));
  console.log(`${run}: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests + result.numTodoTests} skipped`);
  if (result.numTotalTests === 0) {
    console.error(`${run}: no test ran`);
    process.exitCode = 1;
  }
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
if (skipped > 0) process.exitCode = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
