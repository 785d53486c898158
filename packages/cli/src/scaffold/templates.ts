import type { YamlValue } from './yaml-text.js';

export type Kind = 'service' | 'job';

/** IDs are lower-case letters, digits and dashes, starting with a letter (they become GCP names). */
export const serviceIDPattern = /^[a-z][a-z0-9-]*[a-z0-9]$/;
/** Environment IDs are lower-case letters and digits. */
export const environmentIDPattern = /^[a-z][a-z0-9]{0,11}$/;

/** `msp-example` → `Msp Example`. */
export function titleFromID(id: string): string {
  return id
    .split('-')
    .filter((word) => word !== '')
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}

/** A new environment as `msp init` and `msp env add` write it. */
export function environmentTemplate(options: {
  id: string;
  projectID: string;
  category: string;
  kind: Kind;
}): { [key: string]: YamlValue } {
  const common = {
    id: options.id,
    projectID: options.projectID,
    category: options.category,
    deploy: { type: 'manual', manual: { tag: 'latest' } },
  };
  if (options.kind === 'job') {
    return {
      ...common,
      instances: { resources: { cpu: 1, memory: '512Mi' } },
      schedule: { cron: '0 * * * *' },
      deadlineSeconds: 600,
    };
  }
  return {
    ...common,
    instances: { resources: { cpu: 1, memory: '512Mi' }, scaling: { minCount: 0, maxCount: 3 } },
    healthProbes: { healthzProbes: true },
  };
}

/** The spec document `msp init` writes (without its comment header). */
export function serviceTemplate(options: {
  id: string;
  name: string;
  owner: string;
  kind: Kind;
  image: string;
  environment: { [key: string]: YamlValue };
}): { [key: string]: YamlValue } {
  return {
    service: {
      id: options.id,
      name: options.name,
      ...(options.kind === 'job' ? { kind: 'job' } : {}),
      owners: [options.owner],
      description: `TODO: what ${options.name} does`,
    },
    build: { image: options.image },
    environments: [options.environment],
  };
}

/** The README beside the spec: it must start with `# <service name>`. */
export function readmeTemplate(name: string, kind: Kind): string {
  return [
    `# ${name}`,
    '',
    `TODO: what this ${kind} does, who depends on it and who to ask about it.`,
    '',
    '## Operating it',
    '',
    '- `msp generate` regenerates the Terraform after a change to service.yaml.',
    '- `msp logs --env <id>` links to the logs; `msp ops service.yaml` writes the operations page.',
    '',
  ].join('\n');
}
