/** Rendered files as `renderStackSet` would return them: a few stacks per environment. */
export function stackFiles(
  environmentIDs: readonly string[],
  resources: (
    environment: string,
    stack: string,
  ) => Record<string, Record<string, unknown>> = () => ({}),
  stacks: readonly string[] = ['project', 'iam', 'cloudrun'],
): Map<string, string> {
  const files = new Map<string, string>();
  for (const environment of environmentIDs) {
    files.set(`terraform/${environment}/.terraform-version`, '1.9.8\n');
    for (const stack of stacks) {
      const resource = resources(environment, stack);
      const body = Object.keys(resource).length === 0 ? {} : { resource };
      files.set(
        `terraform/${environment}/stacks/${stack}/main.tf.json`,
        JSON.stringify(body, null, 2) + '\n',
      );
    }
  }
  return files;
}
