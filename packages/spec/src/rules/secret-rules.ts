/** secretEnv and secretVolumes references and mount paths. */
import { parseSecretReference } from '../resolve/secret-reference.js';
import type { Rule } from './rule.js';
import { environments } from './rule.js';

export const secretReference: Rule = {
  code: 'secret-reference',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      for (const [name, value] of Object.entries(env.secretEnv ?? {})) {
        if (value === undefined) continue;
        const parsed = parseSecretReference(value);
        if (!parsed.ok)
          yield {
            path: [...path, 'secretEnv', name],
            message: parsed.message,
            ...(parsed.hint === undefined ? {} : { hint: parsed.hint }),
          };
      }
      for (const [name, volume] of Object.entries(env.secretVolumes ?? {})) {
        if (volume?.secret === undefined) continue;
        const parsed = parseSecretReference(volume.secret);
        if (!parsed.ok)
          yield {
            path: [...path, 'secretVolumes', name, 'secret'],
            message: parsed.message,
            ...(parsed.hint === undefined ? {} : { hint: parsed.hint }),
          };
      }
    }
  },
};

export const secretMountPath: Rule = {
  code: 'secret-mount-path',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      const seen = new Map<string, string>();
      for (const [name, volume] of Object.entries(env.secretVolumes ?? {})) {
        if (volume?.mountPath === undefined) continue;
        const at = [...path, 'secretVolumes', name, 'mountPath'];
        const split = splitMountPath(volume.mountPath);
        if (split === undefined) {
          yield {
            path: at,
            message: `mountPath "${volume.mountPath}" may be malformed: it must be an absolute file path such as "/etc/secrets/key.json"`,
          };
          continue;
        }
        const other = seen.get(split.dir);
        if (other !== undefined) {
          yield {
            path: at,
            message: `mountPath directory "${split.dir}" is also used by secret volume "${other}"`,
            hint: 'Cloud Run mounts one volume per directory: use different directories',
          };
        }
        seen.set(split.dir, name);
      }
    }
  },
};

/** `/a/b/c.json` → `{ dir: '/a/b', file: 'c.json' }`; undefined unless absolute with a non-root directory and a file. */
export function splitMountPath(mountPath: string): { dir: string; file: string } | undefined {
  if (!mountPath.startsWith('/') || mountPath.endsWith('/') || mountPath.includes('//'))
    return undefined;
  const cut = mountPath.lastIndexOf('/');
  const dir = mountPath.slice(0, cut);
  const file = mountPath.slice(cut + 1);
  if (dir === '' || file === '' || file === '.' || file === '..' || dir.split('/').includes('..'))
    return undefined;
  return { dir, file };
}
