import { isUsageError } from '../errors.js';
import { newProjectID } from './new-project-id.js';

const fixedBytes = (size: number) => Uint8Array.from({ length: size }, (_, i) => 0xa0 + i);

describe('newProjectID', () => {
  it('appends a lowercase hex suffix of the requested length', () => {
    expect(newProjectID('msp-example', 'dev', 4, fixedBytes)).toBe('msp-example-dev-a0a1');
    expect(newProjectID('svc', 'prod', 5, fixedBytes)).toBe('svc-prod-a0a1a');
  });

  it('uses crypto randomness by default', () => {
    expect(newProjectID('svc', 'dev')).toMatch(/^svc-dev-[0-9a-f]{4}$/);
  });

  it.each([
    ['a suffix shorter than 2', () => newProjectID('svc', 'dev', 1)],
    [
      'an ID longer than 30 characters',
      () => newProjectID('a-very-long-service', 'environment', 4),
    ],
  ])('refuses %s', (_, make) => {
    expect(make).toThrow(expect.objectContaining({ code: 'usage' }));
    try {
      make();
    } catch (error) {
      expect(isUsageError(error)).toBe(true);
    }
  });
});
