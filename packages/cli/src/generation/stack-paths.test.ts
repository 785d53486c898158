import { STACK_ORDER, isGeneratedFile, stackNames } from './stack-paths.js';

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

describe('generated file paths', () => {
  it.each([
    ['terraform/images.lock.json', true],
    ['terraform/dev/.terraform-version', true],
    ['terraform/dev/stacks/project/main.tf.json', true],
    ['terraform/dev/stacks/cloudrun/terraform.tfvars', true],
    ['terraform/dev/stacks/cloudrun/terraform.tfvars.example', true],
    ['terraform/dev/stacks/cloudrun/operator.auto.tfvars', false],
    ['terraform/dev/stacks/cloudrun/custom.tf', false],
    ['terraform/prod/stacks/cloudrun/skaffoldsource.tar.gz', true],
    ['terraform/prod/stacks/cloudrun/vendor.tar.gz', false],
  ])('%s is generated: %s', (path, generated) => {
    expect(isGeneratedFile(path)).toBe(generated);
  });
});
