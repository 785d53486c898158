import { terraformIdentifier } from '../../names.js';
import { secretIAMMember } from '../../resources/secret-iam-member.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';

/**
 * The workload's access to secrets in other projects that `secretEnv` and
 * `secretVolumes` reference (secrets in its own project are covered by its
 * project-wide accessor role).
 */
export function crossProjectSecretGrants({ env }: StackContext, member: string): Fragment[] {
  const refs = [
    ...env.secretEnv.map((s) => ({ id: `secret_access_${terraformIdentifier(s.name)}`, ref: s })),
    ...env.secretVolumes.map((s) => ({
      id: `secret_access_volume_${terraformIdentifier(s.name)}`,
      ref: s,
    })),
  ];
  return refs
    .filter(({ ref }) => ref.crossProject)
    .map(
      ({ id, ref }) =>
        secretIAMMember(id, {
          project: ref.projectID,
          secretID: ref.secret,
          role: 'roles/secretmanager.secretAccessor',
          member,
        }).fragment,
    );
}
