import { isMspError, MspError } from '@msp/spec/errors';
import { generationLibrary } from '../libraries.js';
import { findEnvironment } from '../spec/prepare-spec.js';
import { terraformCloudClient } from '../tfc/client.js';
import { workspaceName, workspaceURL, type TerraformCloudBackend } from '../tfc/names.js';
import type { ResolvedSpec } from '@msp/spec';
import { isFinal, terraformCloudRuns, type RunState } from '../tfc/runs.js';
import {
  countChanges,
  interruption,
  refuseLosses,
  type RunKind,
  type StackOutcome,
  type StackRunner,
  type StackTarget,
} from './stack-runs.js';
import type { Io } from '../cli/io.js';
import type { ApiOptions } from '../tfc/json-api.js';

export interface TerraformCloudRunnerOptions {
  readonly io: Io;
  readonly api: ApiOptions;
  readonly backend: TerraformCloudBackend;
  /** The resolved spec, whose names table has the workspace of each stack. */
  readonly resolved: ResolvedSpec;
  /** Whether plans may destroy or replace stateful resources (`--allow-destroy` and `allowDestroys`). */
  readonly allowDestroy: (environmentID: string) => boolean;
  /** First poll interval; doubled up to 5 s while a run does not change. */
  readonly pollMs?: number;
}

/**
 * Runs stacks in their Terraform Cloud workspaces through the API.
 * `runMode: cli` uploads each stack's directory as a configuration version;
 * `runMode: vcs` queues runs on the workspace's latest VCS configuration
 * (a plan still uploads, as a speculative run). Each run waits for
 * confirmation; msp reads its JSON plan, refuses (discards) one that loses
 * state, and otherwise confirms it and waits for the apply.
 */
export function terraformCloudRunner(options: TerraformCloudRunnerOptions): StackRunner {
  const { io, backend } = options;
  const workspaces = terraformCloudClient(options.api);
  const runs = terraformCloudRuns(options.api);

  const wait = async (
    check: () => Promise<RunState>,
    done: (run: RunState) => boolean,
    progress: (status: string) => void,
  ): Promise<RunState> => {
    let delay = options.pollMs ?? 250;
    let previous = '';
    const stop = interruption(io);
    try {
      for (;;) {
        const run = await Promise.race([check(), stop.promise]);
        progress(run.status);
        if (done(run)) return run;
        delay = run.status === previous ? Math.min(delay * 2, 5000) : (options.pollMs ?? 250);
        previous = run.status;
        await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), stop.promise]);
      }
    } finally {
      stop.dispose();
    }
  };

  return {
    async run(target: StackTarget, kind: RunKind, progress): Promise<StackOutcome> {
      const environment = findEnvironment(options.resolved, target.environmentID);
      const name = workspaceName(environment, target.stack);
      const workspace = await workspaces.readWorkspace(backend.organization, name);
      if (workspace === undefined)
        throw new MspError(
          'tfc-workspace-missing',
          `Terraform Cloud workspace ${name} does not exist in ${backend.organization}`,
          { hint: 'Create the workspaces first with "msp tfc sync".' },
        );
      const upload = kind === 'plan' || backend.runMode !== 'vcs';
      let configurationVersionID: string | undefined;
      if (upload) {
        progress('uploading configuration');
        const cv = await runs.createConfigurationVersion(workspace.id, kind === 'plan');
        // The generation library is loaded lazily (see libraries.ts), the archive writer with it.
        const { tarGz } = await generationLibrary();
        await runs.upload(
          cv.uploadURL,
          tarGz([...target.files].map(([path, content]) => ({ path, content }))),
        );
        configurationVersionID = cv.id;
        let status = await runs.configurationVersionStatus(cv.id);
        for (let tries = 0; status === 'pending' || status === 'fetching'; tries++) {
          if (tries >= 60)
            throw new MspError('tfc-upload', `configuration version ${cv.id} stayed ${status}`);
          await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
          status = await runs.configurationVersionStatus(cv.id);
        }
        if (status !== 'uploaded')
          throw new MspError(
            'tfc-upload',
            `configuration version ${cv.id} is ${status}, not uploaded`,
          );
      }
      const created = await runs.createRun({
        workspaceID: workspace.id,
        ...(configurationVersionID === undefined ? {} : { configurationVersionID }),
        message: `msp ${kind} ${options.resolved.service.id} ${target.environmentID}/${target.stack}`,
        destroy: kind === 'destroy',
      });
      const url = `${workspaceURL(backend, name)}/runs/${created.id}`;
      const left = (error: unknown): never => {
        if (isMspError(error, 'interrupted'))
          throw new MspError('interrupted', `interrupted; the run is left as it is: ${url}`, {
            hint: 'Confirm, discard or cancel it in Terraform Cloud.',
          });
        throw error;
      };
      const planned = await wait(
        () => runs.readRun(created.id),
        (run) => run.confirmable || isFinal(run.status),
        (status) => progress(status, url),
      ).catch(left);
      // Not confirmable means finished: without changes (or plan-only), or failed.
      if (!planned.confirmable && planned.status !== 'planned_and_finished')
        throw await failure(planned, 'plans', url);
      const changes =
        planned.planID === undefined
          ? []
          : ((await runs.planJSON(planned.planID)).resource_changes ?? []);
      const counts = countChanges(changes);
      const refusal =
        kind === 'destroy'
          ? undefined
          : refuseLosses(target, changes, options.allowDestroy(target.environmentID));
      if (refusal !== undefined) {
        if (planned.confirmable)
          await runs.discardRun(planned.id, 'msp: refused, the plan loses state');
        throw new MspError(refusal.code, `${refusal.message}\nrun: ${url}`, {
          ...(refusal.hint === undefined ? {} : { hint: refusal.hint }),
        });
      }
      if (!planned.confirmable)
        return { result: kind === 'plan' ? 'planned' : 'no changes', url, counts };
      await runs.applyRun(planned.id, `msp ${kind}`);
      const applied = await wait(
        () => runs.readRun(created.id),
        (run) => isFinal(run.status),
        (status) => progress(status, url),
      ).catch(left);
      if (applied.status !== 'applied') throw await failure(applied, 'applies', url);
      return { result: kind === 'destroy' ? 'destroyed' : 'applied', url, counts };
    },
  };

  async function failure(
    run: RunState,
    phase: 'plans' | 'applies',
    url: string,
  ): Promise<MspError> {
    const id = phase === 'plans' ? run.planID : run.applyID;
    const log = id === undefined ? '' : await runs.logTail(phase, id, 20).catch(() => '');
    return new MspError(
      'tfc-run-failed',
      `run ${run.id} ${run.status}: ${url}${log === '' ? '' : `\n${log.replace(/^/gm, '  | ')}`}`,
      {
        hint: 'Fix the cause shown in the run, then run msp again: the stacks before it are done.',
      },
    );
  }
}
