import { join } from 'node:path';
import { googleAccessToken } from './access-token.js';
import { fakeProgram } from '../../test/support/fake-program.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { useTempDir } from '../../test/support/temp-dir.js';

describe('googleAccessToken', () => {
  const tempDir = useTempDir();
  const bin = () => join(tempDir(), 'bin');

  it('prefers GOOGLE_OAUTH_ACCESS_TOKEN', async () => {
    await fakeProgram(bin(), 'gcloud', 'echo from-gcloud');
    const io = memoryIo({ env: { PATH: bin(), GOOGLE_OAUTH_ACCESS_TOKEN: ' from-env\n' } });
    expect(await googleAccessToken(io)).toBe('from-env');
  });

  it('asks gcloud otherwise', async () => {
    await fakeProgram(
      bin(),
      'gcloud',
      '[ "$1 $2" = "auth print-access-token" ] && echo ya29.token',
    );
    expect(await googleAccessToken(memoryIo({ env: { PATH: bin() } }))).toBe('ya29.token');
  });

  it('gives none when gcloud fails or is missing, so public images stay anonymous', async () => {
    expect(await googleAccessToken(memoryIo({ env: { PATH: bin() } }))).toBeUndefined();
    await fakeProgram(bin(), 'gcloud', 'echo "ERROR: no active account" >&2; exit 1');
    expect(await googleAccessToken(memoryIo({ env: { PATH: bin() } }))).toBeUndefined();
  });
});
