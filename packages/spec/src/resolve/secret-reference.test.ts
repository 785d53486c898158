import { parseSecretReference, resolveSecretReference } from './secret-reference.js';

describe('secret references', () => {
  it('resolves a secret in the environment project to its ID', () => {
    expect(resolveSecretReference('API_KEY', 'svc-dev-ab12')).toEqual({
      secret: 'API_KEY',
      projectID: 'svc-dev-ab12',
      crossProject: false,
      reference: 'API_KEY',
    });
  });

  it('resolves a secret in another project to its full name', () => {
    expect(resolveSecretReference('projects/shared/secrets/TOKEN', 'svc-dev-ab12')).toEqual({
      secret: 'TOKEN',
      projectID: 'shared',
      crossProject: true,
      reference: 'projects/shared/secrets/TOKEN',
    });
  });

  it('treats the environment project spelled out as the same project', () => {
    expect(
      resolveSecretReference('projects/svc-dev-ab12/secrets/T', 'svc-dev-ab12').crossProject,
    ).toBe(false);
  });

  it.each([
    ['project/x/secrets/A', 'did you mean "projects/"?'],
    ['projects/x/secrets/A/versions/3', 'msp always uses the latest version; remove "/versions/…"'],
    ['projects/x/secret/A', 'did you mean "/secrets/"?'],
    ['projects/x/A', 'use a secret ID, or "projects/<project>/secrets/<id>" for another project'],
  ])('rejects %s with the hint %s', (value, hint) => {
    expect(parseSecretReference(value)).toMatchObject({ ok: false, hint });
  });

  it('rejects secret IDs with characters Secret Manager does not allow', () => {
    expect(parseSecretReference('has space').ok).toBe(false);
  });
});
