import { yamlLines, yamlScalar } from './yaml-text.js';

describe('yamlScalar', () => {
  it.each([
    ['billing', 'billing'],
    ['team billing', 'team billing'],
    ['ghcr.io/acme/billing', 'ghcr.io/acme/billing'],
    ['true', '"true"'],
    ['No', '"No"'],
    ['null', '"null"'],
    ['0123', '"0123"'],
    ['1e3', '"1e3"'],
    ['TODO: describe', '"TODO: describe"'],
    ['0 * * * *', '"0 * * * *"'],
    ['#hash', '"#hash"'],
    ['', '""'],
    ['trailing ', '"trailing "'],
  ])('writes %j as %s', (value, expected) => {
    expect(yamlScalar(value)).toBe(expected);
  });

  it('writes numbers and booleans bare', () => {
    expect(yamlScalar(3)).toBe('3');
    expect(yamlScalar(false)).toBe('false');
  });
});

describe('yamlLines', () => {
  it('writes maps, lists of scalars and lists of maps in block style', () => {
    expect(
      yamlLines({ a: 1, list: ['x', 'y'], items: [{ id: 'dev', nested: { k: 'v' } }] }).join('\n'),
    ).toBe(
      [
        'a: 1',
        'list:',
        '  - x',
        '  - y',
        'items:',
        '  - id: dev',
        '    nested:',
        '      k: v',
      ].join('\n'),
    );
  });
});
