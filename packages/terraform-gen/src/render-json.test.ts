import { renderJSON } from './render-json.js';

describe('renderJSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(renderJSON({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: true } })).toBe(
      '{\n  "a": {\n    "c": true,\n    "d": [\n      {\n        "x": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('is byte-identical for equal values built in different orders', () => {
    expect(renderJSON({ a: 1, b: 2 })).toBe(renderJSON({ b: 2, a: 1 }));
  });
});
