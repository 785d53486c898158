// Rewrites the contract table in README.md: `npx nx run runtime:codegen`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withContractTable } from './contract-table.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withContractTable(before);
if (after !== before) writeFileSync(path, after);
process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md updated\n');
