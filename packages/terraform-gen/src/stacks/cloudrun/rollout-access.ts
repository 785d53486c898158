import { projectIAMCustomRole } from '../../resources/project-iam-custom-role.js';
import { projectIAMMember } from '../../resources/project-iam-member.js';
import { serviceAccountIAMMember } from '../../resources/service-account-iam-member.js';
import { storageBucketIAMMember } from '../../resources/storage-bucket.js';
import type { Fragment } from '../../terraform.js';

/**
 * What a release creator needs: the releaser role, listing buckets, admin
 * on the Skaffold-source and artifact buckets, and acting as the executor.
 */
export function releaserAccess(input: {
  project: string;
  executorEmail: string;
  buckets: readonly { readonly id: string; readonly name: string }[];
  releasers: readonly { readonly id: string; readonly member: string }[];
}): Fragment[] {
  const listBuckets = projectIAMCustomRole('clouddeploy_listbuckets', {
    project: input.project,
    roleID: 'clouddeploy_listbuckets',
    title: 'Cloud Deploy: list buckets',
    permissions: ['storage.buckets.list'],
  });
  return [
    listBuckets.fragment,
    ...input.releasers.flatMap(({ id, member }) => [
      projectIAMMember(`clouddeploy_${id}_releaser`, {
        project: input.project,
        role: 'roles/clouddeploy.releaser',
        member,
      }).fragment,
      projectIAMMember(`clouddeploy_${id}_listbuckets`, {
        project: input.project,
        role: listBuckets.outputs.name,
        member,
      }).fragment,
      ...input.buckets.map(
        (b) =>
          storageBucketIAMMember(`${b.id}_${id}`, {
            bucket: b.name,
            role: 'roles/storage.admin',
            member,
          }).fragment,
      ),
      serviceAccountIAMMember(`clouddeploy_executor_${id}`, {
        serviceAccountID: `projects/${input.project}/serviceAccounts/${input.executorEmail}`,
        role: 'roles/iam.serviceAccountUser',
        member,
      }).fragment,
    ]),
  ];
}
