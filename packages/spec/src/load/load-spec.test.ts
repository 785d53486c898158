import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PLATFORM_CONFIG } from '../platform/resolve-platform-config.js';
import { loadSpec } from './load-spec.js';

const SPEC = `service:
  id: shop
  name: Shop
  owners: [commerce]
  description: Sells things.
build:
  image: us.gcr.io/shop-images/shop
environments:
  - id: dev
    projectID: shop-dev-ab12
    category: test
    deploy: { type: manual }
    instances:
      resources: { cpu: 1, memory: 1Gi }
`;

function serviceDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'msp-load-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadSpec', () => {
  it('reports a missing service.yaml as an issue', async () => {
    const dir = serviceDir({});
    const result = await loadSpec(join(dir, 'service.yaml'), { platform: DEFAULT_PLATFORM_CONFIG });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'file-unreadable',
          severity: 'error',
          path: '',
          message: 'service does not exist: file not found',
          file: 'service.yaml',
        },
      ],
    });
  });

  it('returns the text it read, valid or not', async () => {
    const invalid = SPEC.replace('category: test', 'category: nope');
    for (const text of [SPEC, invalid]) {
      const dir = serviceDir({ 'service.yaml': text });
      const result = await loadSpec(join(dir, 'service.yaml'), {
        platform: DEFAULT_PLATFORM_CONFIG,
      });
      expect([result.ok, result.source]).toEqual([text === SPEC, text]);
    }
  });

  it('keeps the README without its header line', async () => {
    const dir = serviceDir({ 'service.yaml': SPEC, 'README.md': '# Shop\n\nSells things.\n' });
    const result = await loadSpec(join(dir, 'service.yaml'), { platform: DEFAULT_PLATFORM_CONFIG });
    expect(result.ok && result.assets.readme).toBe('Sells things.\n');
  });

  it('accepts a README headed by the ID when the service has no name', async () => {
    const dir = serviceDir({
      'service.yaml': SPEC.replace('  name: Shop\n', ''),
      'README.md': '# shop\n',
    });
    const result = await loadSpec(join(dir, 'service.yaml'), { platform: DEFAULT_PLATFORM_CONFIG });
    expect(result.ok).toBe(true);
  });

  it('names files relative to cwd when given', async () => {
    const dir = serviceDir({ 'service.yaml': 'service: [\n' });
    const result = await loadSpec(join(dir, 'service.yaml'), {
      platform: DEFAULT_PLATFORM_CONFIG,
      cwd: join(dir, '..'),
    });
    expect(result.issues[0]?.file).toMatch(/^msp-load-[^/]+\/service\.yaml$/);
  });
});
