/** Secret Manager references as secretEnv and secretVolumes take them. */
import type { ResolvedSecretRef } from '../resolved.js';
import { UsageError } from '../errors.js';

const SECRET_ID = /^[A-Za-z0-9_-]{1,255}$/;

export type ParsedSecret =
  | { readonly ok: true; readonly projectID?: string; readonly secret: string }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

/** `NAME` or `projects/<project>/secrets/<NAME>`. */
export function parseSecretReference(value: string): ParsedSecret {
  if (value.includes('/versions/')) {
    return {
      ok: false,
      message: `secret "${value}" must not be versioned`,
      hint: 'msp always uses the latest version; remove "/versions/…"',
    };
  }
  if (value.startsWith('project/')) {
    return {
      ok: false,
      message: `secret "${value}" is malformed`,
      hint: 'did you mean "projects/"?',
    };
  }
  if (!value.includes('/')) {
    return SECRET_ID.test(value)
      ? { ok: true, secret: value }
      : {
          ok: false,
          message: `secret ID "${value}" may contain only letters, digits, "_" and "-"`,
        };
  }
  const parts = value.split('/');
  if (parts[0] !== 'projects' || parts.length !== 4) {
    return {
      ok: false,
      message: `secret "${value}" is malformed`,
      hint: 'use a secret ID, or "projects/<project>/secrets/<id>" for another project',
    };
  }
  if (parts[2] !== 'secrets')
    return {
      ok: false,
      message: `secret "${value}" is malformed`,
      hint: 'did you mean "/secrets/"?',
    };
  const [, projectID = '', , secret = ''] = parts;
  if (projectID === '' || !SECRET_ID.test(secret)) {
    return {
      ok: false,
      message: `secret "${value}" is malformed`,
      hint: 'use "projects/<project>/secrets/<id>"',
    };
  }
  return { ok: true, projectID, secret };
}

/** A valid reference resolved against the environment's project. */
export function resolveSecretReference(value: string, envProjectID: string): ResolvedSecretRef {
  const parsed = parseSecretReference(value);
  if (!parsed.ok) throw new UsageError(`resolveSpec needs a validated spec: ${parsed.message}`);
  const projectID = parsed.projectID ?? envProjectID;
  const crossProject = projectID !== envProjectID;
  return {
    secret: parsed.secret,
    projectID,
    crossProject,
    reference: crossProject ? `projects/${projectID}/secrets/${parsed.secret}` : parsed.secret,
  };
}
