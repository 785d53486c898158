import { CONTRACT_VARIABLES, CONTRACT_VARIABLE_NAMES, SERVICE_PORT } from './index.js';

describe('runtime contract table', () => {
  it('names every variable in upper snake case', () => {
    for (const name of CONTRACT_VARIABLE_NAMES) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('describes every variable', () => {
    for (const v of Object.values(CONTRACT_VARIABLES))
      expect(v.description.length).toBeGreaterThan(10);
  });

  it('uses the Cloud Run container port msp configures', () => {
    expect(SERVICE_PORT).toBe(9992);
    expect(CONTRACT_VARIABLES.PORT.scope).toBe('service');
  });
});
