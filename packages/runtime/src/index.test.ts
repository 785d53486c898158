import { HEALTHZ_PATH } from './index.js';

describe('@msp/runtime', () => {
  it('serves health at the contract path', () => {
    expect(HEALTHZ_PATH).toBe('/-/healthz');
  });
});
