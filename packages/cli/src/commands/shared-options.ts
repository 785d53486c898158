/** Options several commands share, so their help reads the same everywhere. */
export const envOption = {
  type: 'string',
  valueName: 'id',
  description: 'Environment ID; may be left out when the spec has only one.',
} as const;

export const jsonOption = { type: 'boolean', description: 'Print machine-readable JSON.' } as const;

export const specPositional = {
  name: 'file',
  description: 'The service.yaml; default: service.yaml in the current directory.',
} as const;

export const outFileOption = {
  type: 'string',
  short: 'o',
  valueName: 'file',
  description: 'Write to this file instead of printing.',
} as const;
