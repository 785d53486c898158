import { readFileSync } from 'node:fs';
import path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The publishable packages, in dependency order. */
export const PACKAGE_DIRS = ['spec', 'terraform-gen', 'runtime', 'cli'].map((name) =>
  path.join(WORKSPACE_ROOT, 'packages', name),
);

/** The example app, which users copy as the template for a new service. */
export function templateAppDir(): string {
  return path.join(WORKSPACE_ROOT, 'apps', 'msp-example');
}

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly scripts?: Record<string, string>;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'package.json');
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof value !== 'object' ||
    value === null ||
    !('name' in value) ||
    typeof value.name !== 'string' ||
    !('version' in value) ||
    typeof value.version !== 'string'
  ) {
    throw new Error(`${file}: expected an object with string "name" and "version"`);
  }
  return value as Manifest;
}
