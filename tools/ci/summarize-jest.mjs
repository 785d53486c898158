#!/usr/bin/env node
// Adds up the jest JSON reports in a directory and prints one line
// "N passed, N failed". Exits 1 when any test failed, a suite failed to run,
// or no test ran at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'reports/jest';
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  // No reports: nothing ran.
}

let passed = 0;
let failed = 0;
let brokenSuites = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  brokenSuites += report.numRuntimeErrorTestSuites;
}
// A suite that failed to load counts as one failure.
failed += brokenSuites;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
