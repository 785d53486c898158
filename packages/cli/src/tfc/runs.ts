import { MspError } from '@msp/spec/errors';
import {
  explain,
  fetchWithRetry,
  one,
  request,
  type ApiOptions,
  type Resource,
} from './json-api.js';

const enc = encodeURIComponent;

/** Run states after which nothing more happens (Terraform Cloud's run states). */
const FINAL = new Set([
  'applied',
  'planned_and_finished',
  'planned_and_saved',
  'errored',
  'discarded',
  'canceled',
  'force_canceled',
]);

/** A run as msp reads it. */
export interface RunState {
  readonly id: string;
  readonly status: string;
  readonly hasChanges: boolean;
  readonly confirmable: boolean;
  readonly planID: string | undefined;
  readonly applyID: string | undefined;
}

export function isFinal(status: string): boolean {
  return FINAL.has(status);
}

/**
 * The Terraform Cloud API v2 endpoints `msp plan`, `apply` and `destroy` use
 * for CLI-driven (API-driven) runs: configuration versions, runs and their
 * actions, plan JSON and logs.
 */
export function terraformCloudRuns(api: ApiOptions) {
  return {
    /** A configuration version that does not queue a run by itself; `speculative` for plan-only runs. */
    async createConfigurationVersion(
      workspaceID: string,
      speculative: boolean,
    ): Promise<{ id: string; uploadURL: string }> {
      const cv = one(
        await request(api, 'POST', `/workspaces/${enc(workspaceID)}/configuration-versions`, {
          body: {
            data: {
              type: 'configuration-versions',
              attributes: { 'auto-queue-runs': false, speculative },
            },
          },
        }),
      );
      const uploadURL = cv.attributes['upload-url'];
      if (typeof uploadURL !== 'string')
        throw new MspError('tfc-api', `configuration version ${cv.id} has no upload-url`);
      return { id: cv.id, uploadURL };
    },

    /** Uploads the stack's `.tar.gz` to the configuration version's one-time URL (no token). */
    async upload(uploadURL: string, archive: Uint8Array): Promise<void> {
      const response = await fetchWithRetry(
        api,
        uploadURL,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: archive,
        },
        'configuration upload',
      );
      if (!response.ok)
        throw new MspError(
          'tfc-api',
          `Terraform Cloud: configuration upload returned ${response.status}${explain(await response.text())}`,
        );
    },

    async configurationVersionStatus(id: string): Promise<string> {
      const cv = one(await request(api, 'GET', `/configuration-versions/${enc(id)}`));
      return String(cv.attributes['status']);
    },

    /** Queues a run that waits for confirmation (`auto-apply: false`), whatever the workspace says. */
    async createRun(config: {
      workspaceID: string;
      configurationVersionID?: string;
      message: string;
      destroy: boolean;
    }): Promise<RunState> {
      return runState(
        one(
          await request(api, 'POST', '/runs', {
            body: {
              data: {
                type: 'runs',
                attributes: {
                  message: config.message,
                  'is-destroy': config.destroy,
                  'auto-apply': false,
                },
                relationships: {
                  workspace: { data: { type: 'workspaces', id: config.workspaceID } },
                  ...(config.configurationVersionID === undefined
                    ? {}
                    : {
                        'configuration-version': {
                          data: {
                            type: 'configuration-versions',
                            id: config.configurationVersionID,
                          },
                        },
                      }),
                },
              },
            },
          }),
        ),
      );
    },

    async readRun(id: string): Promise<RunState> {
      return runState(one(await request(api, 'GET', `/runs/${enc(id)}`)));
    },

    async applyRun(id: string, comment: string): Promise<void> {
      await request(api, 'POST', `/runs/${enc(id)}/actions/apply`, { body: { comment } });
    },

    async discardRun(id: string, comment: string): Promise<void> {
      await request(api, 'POST', `/runs/${enc(id)}/actions/discard`, { body: { comment } });
    },

    /** The plan as `terraform show -json` prints it (the API redirects to a temporary URL). */
    async planJSON(planID: string): Promise<PlanJSON> {
      return (await request(api, 'GET', `/plans/${enc(planID)}/json-output`)) as PlanJSON;
    },

    /** The last `lines` lines of a plan's or apply's log, or '' when it has none. */
    async logTail(kind: 'plans' | 'applies', id: string, lines: number): Promise<string> {
      const doc = one(await request(api, 'GET', `/${kind}/${enc(id)}`));
      const url = doc.attributes['log-read-url'];
      if (typeof url !== 'string') return '';
      const response = await fetchWithRetry(api, url, { method: 'GET' }, `${kind} log`);
      if (!response.ok) return '';
      return (await response.text()).trimEnd().split('\n').slice(-lines).join('\n');
    },
  };
}

export type TerraformCloudRuns = ReturnType<typeof terraformCloudRuns>;

/** The parts of Terraform's JSON plan msp reads. */
export interface PlanJSON {
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly type: string;
    readonly change: { readonly actions: readonly string[] };
  }[];
}

function runState(run: Resource): RunState {
  const actions = run.attributes['actions'] as { 'is-confirmable'?: boolean } | undefined;
  const related = (name: string) => {
    const data = run.relationships?.[name]?.data as { id?: unknown } | undefined | null;
    return typeof data?.id === 'string' ? data.id : undefined;
  };
  return {
    id: run.id,
    status: String(run.attributes['status']),
    hasChanges: run.attributes['has-changes'] === true,
    confirmable: actions?.['is-confirmable'] === true,
    planID: related('plan'),
    applyID: related('apply'),
  };
}
