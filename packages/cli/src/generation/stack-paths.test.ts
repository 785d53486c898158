import { IMAGE_LOCK_PATH, isGeneratedFile } from './stack-paths.js';

describe('generated file paths', () => {
  it('name the image lock as @msp/terraform-gen does', async () => {
    const { IMAGE_LOCK_FILE } = await import('@msp/terraform-gen');
    expect(IMAGE_LOCK_PATH).toBe(IMAGE_LOCK_FILE);
  });

  it.each([
    ['terraform/images.lock.json', true],
    ['terraform/dev/.terraform-version', true],
    ['terraform/dev/stacks/project/main.tf.json', true],
    ['terraform/dev/stacks/cloudrun/terraform.tfvars', true],
    ['terraform/dev/stacks/cloudrun/terraform.tfvars.example', true],
    ['terraform/dev/stacks/cloudrun/operator.auto.tfvars', false],
    ['terraform/dev/stacks/cloudrun/custom.tf', false],
  ])('%s is generated: %s', (path, generated) => {
    expect(isGeneratedFile(path)).toBe(generated);
  });
});
