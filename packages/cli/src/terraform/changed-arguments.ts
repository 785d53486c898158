/**
 * Which arguments of a resource differ between two Terraform JSON bodies, as
 * dotted paths without list indices (`settings.ip_configuration.ipv4_enabled`),
 * the form the forcing-arguments table uses.
 */

/** Meta-arguments: they change how Terraform handles the resource, not the resource itself. */
const META = new Set(['depends_on', 'provider', 'provisioner', 'connection']);

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, out));
    out.set(`${path}[#]`, String(value.length));
  } else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value))
      flatten(child, path === '' ? key : `${path}.${key}`, out);
  } else out.set(path, JSON.stringify(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body's arguments as `path → JSON of the value`, meta-arguments left out. */
export function flatArguments(body: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(body)) return out;
  for (const [key, value] of Object.entries(body)) if (!META.has(key)) flatten(value, key, out);
  return out;
}

const strip = (path: string) => path.replace(/\[[^\]]*\]/g, '');

/** Argument paths whose values differ (added, removed or changed), sorted, without indices. */
export function changedArguments(before: unknown, after: unknown): string[] {
  const a = flatArguments(before);
  const b = flatArguments(after);
  const changed = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()]))
    if (a.get(key) !== b.get(key)) changed.add(strip(key).replace(/\.$/, ''));
  return [...changed].sort();
}

/** For display: `template.containers.env` covers `template.containers.env.value`; keep the outermost. */
export function outermost(paths: readonly string[]): string[] {
  return paths.filter((path) => !paths.some((other) => path.startsWith(`${other}.`)));
}

/**
 * Whether a change of argument `changed` touches argument `forcing`: the same
 * argument, a key inside it (a map or object), or a block that contains it.
 */
export function touches(changed: string, forcing: string): boolean {
  return (
    changed === forcing || changed.startsWith(`${forcing}.`) || forcing.startsWith(`${changed}.`)
  );
}

/** The values (as JSON text) of the arguments at `path` or inside it. */
export function valuesAt(body: unknown, path: string): string[] {
  return [...flatArguments(body)]
    .filter(([key]) => {
      const bare = strip(key);
      return bare === path || bare.startsWith(`${path}.`);
    })
    .map(([, value]) => value);
}
