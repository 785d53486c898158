import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PLATFORM_SCHEMA_ID,
  SERVICE_SCHEMA_ID,
  SPEC_VERSION,
  platformSchema,
  publishedSchemaURL,
  serviceSchema,
} from '../src/index.js';

const PACKAGE_DIR = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  exports: Record<string, unknown>;
};

describe('published schemas', () => {
  it('carry the package version in their $id', () => {
    expect(SPEC_VERSION).toBe(manifest.version);
    expect(SERVICE_SCHEMA_ID).toBe(
      `https://unpkg.com/@msp/spec@${manifest.version}/schema/service.schema.json`,
    );
    expect(PLATFORM_SCHEMA_ID).toBe(publishedSchemaURL('platform.schema.json', manifest.version));
    expect(serviceSchema['$id']).toBe(SERVICE_SCHEMA_ID);
    expect(platformSchema['$id']).toBe(PLATFORM_SCHEMA_ID);
  });

  it.each([
    ['service.schema.json', SERVICE_SCHEMA_ID],
    ['platform.schema.json', PLATFORM_SCHEMA_ID],
  ])(
    '%s: the committed file has the $id, and the package publishes it at that path',
    (file, id) => {
      const committed = JSON.parse(readFileSync(join(PACKAGE_DIR, 'schema', file), 'utf8')) as {
        $id: string;
      };
      expect(committed.$id).toBe(id);
      const inPackage = id.slice(`https://unpkg.com/@msp/spec@${manifest.version}/`.length);
      expect(inPackage).toBe(`schema/${file}`);
      expect(manifest.files).toContain('schema');
      expect(manifest.exports[`./${inPackage}`]).toBe(`./${inPackage}`);
    },
  );
});
