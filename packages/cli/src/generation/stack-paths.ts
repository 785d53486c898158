/** Paths of generated files: `terraform/<env>/stacks/<stack>/<file>` and `terraform/<env>/.terraform-version`. */

const stackFile = /^terraform\/([^/]+)\/stacks\/([^/]+)\/(.+)$/;

/** Splits a generated path into environment, stack and file name, if it is a stack file. */
export function parseStackPath(
  path: string,
): { environment: string; stack: string; file: string } | undefined {
  const match = stackFile.exec(path);
  if (match === null) return undefined;
  const [, environment = '', stack = '', file = ''] = match;
  return { environment, stack, file };
}

/**
 * The order stacks are applied in: each reads the outputs of the ones before
 * it (terraform-gen's `STACK_NAMES`; a test keeps the two equal).
 */
export const STACK_ORDER: readonly string[] = [
  'project',
  'iam',
  'cloudrun',
  'monitoring',
  'tfcworkspaces',
];

/** The stacks generated for an environment, in apply order. */
export function stackNames(files: ReadonlyMap<string, unknown>, environmentID: string): string[] {
  const names: string[] = [];
  for (const path of files.keys()) {
    const parsed = parseStackPath(path);
    if (
      parsed !== undefined &&
      parsed.environment === environmentID &&
      !names.includes(parsed.stack)
    )
      names.push(parsed.stack);
  }
  const rank = (name: string) => {
    const index = STACK_ORDER.indexOf(name);
    return index === -1 ? STACK_ORDER.length : index;
  };
  return names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The lock file of subscription image digests (see `image-tags/image-lock.ts`),
 * a committed input: generation reads it, and writes it back after resolution.
 */
export const IMAGE_LOCK_PATH = 'terraform/images.lock.json';

/** Whether a file under `terraform/` is one generation owns (and may remove when it is no longer generated). */
export function isGeneratedFile(path: string): boolean {
  if (path === IMAGE_LOCK_PATH) return true;
  return /^terraform\/[^/]+\/(\.terraform-version|stacks\/[^/]+\/([^/]+\.tf\.json|skaffoldsource\.tar\.gz|terraform\.tfvars(\.example)?))$/.test(
    path,
  );
}
