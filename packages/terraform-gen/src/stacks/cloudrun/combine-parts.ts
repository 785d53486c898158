import type { CloudRunPart } from './part.js';

/** Concatenates parts, rejecting env vars or volumes that two parts (or the spec and a part) both define. */
export function combineParts(parts: readonly CloudRunPart[]): CloudRunPart {
  const env = parts.flatMap((p) => p.env);
  const volumes = parts.flatMap((p) => p.volumes);
  const problems = [
    ...duplicates(env.map((e) => e.name)).map((n) => `env var ${n} is set twice`),
    ...duplicates(volumes.map((v) => v.name)).map((n) => `volume ${n} is defined twice`),
    ...duplicates(volumes.map((v) => v.mountPath)).map((p) => `two volumes are mounted at ${p}`),
  ];
  problems.push(
    ...duplicates(parts.flatMap((p) => Object.keys(p.files ?? {}))).map(
      (f) => `file ${f} is written twice`,
    ),
  );
  const vpc = parts.map((p) => p.vpcAccess).filter((v) => v !== undefined);
  if (vpc.length > 1) problems.push('more than one part configures VPC access');
  if (problems.length > 0)
    throw new Error(`cannot build the Cloud Run container: ${problems.join('; ')}`);
  return {
    fragments: parts.flatMap((p) => p.fragments),
    env,
    volumes,
    dependsOn: [...new Set(parts.flatMap((p) => p.dependsOn))].sort(),
    certDirs: parts.flatMap((p) => p.certDirs ?? []),
    ...(vpc[0] === undefined ? {} : { vpcAccess: vpc[0] }),
    outputs: Object.assign({}, ...parts.map((p) => p.outputs ?? {})),
    files: Object.assign({}, ...parts.map((p) => p.files ?? {})),
  };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup].sort();
}
