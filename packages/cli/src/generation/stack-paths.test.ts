import { STACK_ORDER, stackNames } from './stack-paths.js';

describe('stackNames', () => {
  it('keeps the apply order of terraform-gen, whatever order the files come in', async () => {
    const { STACK_NAMES } = await import('@msp/terraform-gen');
    expect(STACK_ORDER).toEqual(STACK_NAMES);
    const files = new Map(
      ['monitoring', 'cloudrun', 'tfcworkspaces', 'project', 'iam'].flatMap((stack) => [
        [`terraform/prod/stacks/${stack}/main.tf.json`, '{}'],
        [`terraform/dev/stacks/${stack}/main.tf.json`, '{}'],
      ]),
    );
    expect(stackNames(files, 'prod')).toEqual([
      'project',
      'iam',
      'cloudrun',
      'monitoring',
      'tfcworkspaces',
    ]);
    expect(stackNames(files, 'staging')).toEqual([]);
  });
});
