/** What the seeded fuzz tests share: the seed, the run count and the PRNG. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlatformConfig } from '../src/index.js';
import type { PlatformConfig } from '../src/index.js';
import { FIXTURES } from './fixture-files.js';

export const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
export const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3000);

/** `pick(n)`: a deterministic integer in [0, n) from mulberry32 seeded with `seed`. */
export function picker(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** The platform config of the fixtures. */
export function fixturePlatform(): PlatformConfig {
  const platform = parsePlatformConfig(readFileSync(join(FIXTURES, 'msp.config.yaml'), 'utf8'));
  if (!platform.ok) throw new Error('fixture platform config is invalid');
  return platform.config;
}
