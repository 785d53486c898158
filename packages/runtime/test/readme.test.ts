import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withContractTable } from '../scripts/contract-table.js';

describe('README.md', () => {
  it('shows the current contract table (update with `npx nx run runtime:codegen`)', () => {
    const readme = readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withContractTable(readme));
  });
});
