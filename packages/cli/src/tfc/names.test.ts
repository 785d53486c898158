import { isMspError } from '@msp/spec/errors';
import { resolvedEnvironment, resolvedSpec } from '../../test/support/resolved-fixture.js';
import { serviceTag, terraformCloudNames, workspaceName } from './names.js';

/** The code of the MspError `run` throws. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMspError(error) ? error.code : 'not an MspError';
  }
  return undefined;
}

describe('Terraform Cloud names', () => {
  it('come from the names table of the resolved spec', async () => {
    const resolved = await resolvedSpec();
    const prod = resolved.environments[1];
    if (prod === undefined) throw new Error('the fixture has prod');
    expect(workspaceName(prod, 'cloudrun')).toBe('msp-billing-prod-cloudrun');
    expect(terraformCloudNames(prod)).toEqual({
      project: 'msp-billing-prod',
      environmentTag: 'msp-env-billing-prod',
      workspaceTags: ['msp', 'msp-service-billing', 'msp-env-billing-prod'],
    });
    expect(serviceTag(resolved)).toBe('msp-service-billing');
  });

  it('refuse a stack msp does not generate, and an environment without Terraform Cloud state', async () => {
    const dev = await resolvedEnvironment();
    expect(codeOf(() => workspaceName(dev, 'custom'))).toBe('unknown-stack');
    expect(codeOf(() => workspaceName(dev, 'constructor'))).toBe('unknown-stack');
    const { terraformCloud: _tfc, ...gcsNames } = dev.names;
    expect(codeOf(() => terraformCloudNames({ ...dev, names: gcsNames }))).toBe(
      'not-terraform-cloud',
    );
  });
});
