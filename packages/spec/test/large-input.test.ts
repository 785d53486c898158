import { INPUT_LIMITS, parseSpec, validateSpec } from '../src/index.js';

describe('large and deep inputs', () => {
  it('validates a spec just under the size limit and positions an issue at its end', () => {
    const lines = [
      'service: { id: big, owners: [platform], description: Big. }',
      'build: { image: us.gcr.io/big-images/big }',
      'environments:',
    ];
    for (let i = 0; i < 900; i++) {
      lines.push(
        `  - id: e${i}`,
        `    projectID: big-e${i}-ab12`,
        '    category: test',
        '    deploy: { type: manual }',
        '    instances: { resources: { cpu: 1, memory: 1Gi } }',
        '    env:',
      );
      for (let j = 0; j < 40; j++) lines.push(`      VAR_${j}: value-${j}`);
    }
    lines.push('    unknownTail: true');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(INPUT_LIMITS.maxFileChars * 0.9);
    expect(text.length).toBeLessThanOrEqual(INPUT_LIMITS.maxFileChars);
    const result = validateSpec(parseSpec(text));
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual([`unknown-field environments[899].unknownTail ${lines.length}:5`]);
  });

  it('reports deeply nested input as an issue instead of overflowing the stack', () => {
    const depth = 20_000;
    const text = `service: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const result = validateSpec(parseSpec(text));
    expect(result.issues.map((issue) => issue.code)).toEqual(['nesting-too-deep']);
  });
});
