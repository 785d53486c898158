import { assembleStack } from '../src/assemble-stack.js';
import {
  isGenerationError,
  renderJSON,
  synthesize,
  type RemoteRead,
  type Stack,
  type StackContext,
  type StackName,
} from '../src/index.js';
import type * as RemoteState from '../src/remote-state.js';
import { remoteOutput } from '../src/remote-state.js';
import { cloudrunStack } from '../src/stacks/cloudrun.js';
import type * as IamStack from '../src/stacks/iam.js';
import { environment, GCS_STATE, platformConfig, serviceInfo, spec } from './fixtures/base.js';
import { FIXTURES } from './fixtures/index.js';
import { synthesizeFixture } from './generate-fixture.js';

/** A read the mocked iam stack makes on top of its own, when set. */
let mockExtraRead: RemoteRead | undefined;

jest.mock('../src/stacks/iam.js', () => {
  const actual = jest.requireActual<typeof IamStack>('../src/stacks/iam.js');
  const remote = jest.requireActual<typeof RemoteState>('../src/remote-state.js');
  return {
    ...actual,
    iamStack: (ctx: StackContext) => {
      if (mockExtraRead !== undefined)
        remote.remoteOutput(ctx, mockExtraRead.stack, mockExtraRead.output);
      return actual.iamStack(ctx);
    },
  };
});

afterEach(() => {
  mockExtraRead = undefined;
});

const service = serviceInfo('demo');
const env = environment(service, { id: 'dev', category: 'test' });

/** A context whose names table is resolved for `platform`'s state backend. */
function context(reads: RemoteRead[] = [], platform = platformConfig()): StackContext {
  const resolved = spec(service, [env], {}, platform);
  const [resolvedEnv] = resolved.environments;
  if (resolvedEnv === undefined) throw new Error('the fixture has one environment');
  return { spec: resolved, env: resolvedEnv, platform, remoteReads: reads };
}

/** A bare stack whose only resource mentions a remote output it never recorded. */
const bare: Stack = {
  name: 'monitoring',
  fragments: [
    {
      resource: {
        google_monitoring_notification_channel: {
          unrecorded: {
            display_name: '${data.terraform_remote_state.cloudrun.outputs.service_name}',
            type: 'email',
          },
        },
      },
    },
  ],
  outputs: {},
};

const earlier = new Map<StackName, ReadonlySet<string>>([
  ['project', new Set(['project_id', 'project_number'])],
  ['iam', new Set(['cloud_run_service_account'])],
  ['cloudrun', new Set(['service_name'])],
]);

describe('remoteOutput', () => {
  it('returns the remote-state expression and records the read in the context', () => {
    const ctx = context();
    expect(remoteOutput(ctx, 'iam', 'cloud_run_service_account')).toBe(
      '${data.terraform_remote_state.iam.outputs.cloud_run_service_account}',
    );
    expect(ctx.remoteReads).toEqual([{ stack: 'iam', output: 'cloud_run_service_account' }]);
  });

  it('is how a stack function records what it reads while it is built', () => {
    const ctx = context();
    cloudrunStack(ctx);
    expect(ctx.remoteReads).toContainEqual({ stack: 'iam', output: 'cloud_run_service_account' });
    expect(new Set(ctx.remoteReads.map((r) => r.stack))).toEqual(new Set(['iam']));
  });
});

describe('assembleStack builds remote state from the recorded reads', () => {
  it('adds one data source per stack read, and none for a reference it was not told about', () => {
    const reads: RemoteRead[] = [
      { stack: 'project', output: 'project_id' },
      { stack: 'iam', output: 'cloud_run_service_account' },
      { stack: 'project', output: 'project_number' },
    ];
    const { document } = assembleStack(bare, context(reads), earlier);
    expect(Object.keys(document.data?.terraform_remote_state ?? {}).sort()).toEqual([
      'iam',
      'project',
    ]);
    expect(document.terraform?.required_providers).toEqual({
      google: { source: 'hashicorp/google', version: '~> 7.9' },
    });
  });

  it('adds no data source and no state bucket input without reads', () => {
    const gcs = platformConfig({ state: { type: 'gcs', prefix: GCS_STATE.prefix } });
    const none = assembleStack(bare, context([], gcs), earlier);
    expect(none.document.data).toBeUndefined();
    expect(none.inputs).toEqual({});
    const one = assembleStack(
      bare,
      context([{ stack: 'project', output: 'project_id' }], gcs),
      earlier,
    );
    expect(one.document.data?.terraform_remote_state?.['project']?.config).toEqual({
      bucket: '${var.state_bucket}',
      prefix: 'msp/demo/dev/project',
    });
    expect(Object.keys(one.inputs ?? {})).toEqual(['state_bucket']);
  });

  it('refuses a read of a stack not applied before it, or of an output it does not define', () => {
    expect(() =>
      assembleStack(
        { ...bare, name: 'iam' },
        context([{ stack: 'monitoring', output: 'service_id' }]),
        new Map([['project', new Set(['project_id'])]]),
      ),
    ).toThrow('stack iam reads stack monitoring, which is not applied before it');
    expect(() => assembleStack(bare, context([{ stack: 'iam', output: 'nope' }]), earlier)).toThrow(
      'stack monitoring reads output nope, which stack iam does not define',
    );
  });
});

describe('synthesize', () => {
  it('refuses a stack that reads a later stack with a GenerationError', () => {
    mockExtraRead = { stack: 'cloudrun', output: 'cloudrun_service_name' };
    let caught: unknown;
    try {
      synthesize(spec(service, [env]), platformConfig());
    } catch (error) {
      caught = error;
    }
    expect(isGenerationError(caught)).toBe(true);
    expect((caught as { code?: string }).code).toBe('generation-failed');
    expect((caught as { problems?: unknown }).problems).toEqual([
      'environments.dev: stack iam reads stack cloudrun, which is not applied before it',
    ]);
  });

  it.each(Object.keys(FIXTURES))(
    '%s: every remote-state reference has its data source and every data source is read',
    (name) => {
      const fixture = FIXTURES[name];
      if (fixture === undefined) throw new Error(`no fixture ${name}`);
      for (const environment of synthesizeFixture(fixture).environments)
        for (const stack of environment.stacks) {
          const { data, ...rest } = stack.document;
          const { terraform_remote_state: sources, ...otherData } = data ?? {};
          const text = renderJSON({ ...rest, data: otherData });
          const referenced = new Set(
            [...text.matchAll(/data\.terraform_remote_state\.(\w+)\.outputs\./g)].map((m) => m[1]),
          );
          expect(Object.keys(sources ?? {}).sort()).toEqual([...referenced].sort());
        }
    },
  );
});
