import {
  evaluate,
  interpolate,
  matrixOf,
  parseOutputFile,
  type Context,
} from './support/workflow-runner.js';

/** The expression subset the workflow test relies on, checked against GitHub's documented rules. */
describe('the workflow runner', () => {
  const contexts: Context = {
    github: { event_name: 'pull_request', event: { pull_request: { number: 7 } }, ref: 'r' },
    steps: { affected: { outputs: { specs: '' } } },
    needs: { 'plan-release': { outputs: { services: '[{"id":"a"},{"id":"b"}]' } } },
  };

  it('evaluates property paths, comparisons and the value-returning || and &&', () => {
    expect(evaluate("github.event_name == 'PULL_REQUEST'", contexts)).toBe(true);
    expect(evaluate("steps.affected.outputs.specs != ''", contexts)).toBe(false);
    expect(evaluate('github.event.pull_request.number || github.ref', contexts)).toBe(7);
    expect(evaluate('github.event.missing || github.ref', contexts)).toBe('r');
    expect(evaluate("github.ref && 'yes'", contexts)).toBe('yes');
    expect(evaluate("!(github.event_name == 'push')", contexts)).toBe(true);
  });

  it('interpolates each ${{ }} of a string and expands a matrix from fromJSON', () => {
    expect(
      interpolate('pr-${{ github.event.pull_request.number }}:${{ github.ref }}', contexts),
    ).toBe('pr-7:r');
    const job = {
      strategy: { matrix: { service: '${{ fromJSON(needs.plan-release.outputs.services) }}' } },
      steps: [],
    };
    expect(matrixOf(job, contexts)).toEqual([{ service: { id: 'a' } }, { service: { id: 'b' } }]);
  });

  it('refuses what it does not implement instead of guessing', () => {
    expect(() => evaluate('contains(github.ref, 1)', contexts)).toThrow(
      /does not implement contains/,
    );
    expect(() => evaluate('secrets.TOKEN', contexts)).toThrow(/unknown context "secrets"/);
    expect(() => evaluate('github.ref ==', contexts)).toThrow(/ends early/);
  });

  it('reads $GITHUB_OUTPUT lines and multi-line blocks', () => {
    expect(parseOutputFile('specs=a b\nbody<<EOF\none\ntwo\nEOF\nempty=\n')).toEqual({
      specs: 'a b',
      body: 'one\ntwo',
      empty: '',
    });
  });
});
