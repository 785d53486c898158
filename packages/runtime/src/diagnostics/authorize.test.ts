import { authorizeDiagnostics } from './authorize.js';

describe('authorizeDiagnostics', () => {
  it('allows everything when no secret is configured', () => {
    expect(authorizeDiagnostics(undefined, undefined)).toEqual({ ok: true });
    expect(authorizeDiagnostics('Bearer anything', undefined)).toEqual({ ok: true });
  });

  it.each([
    ['Bearer s3cret', true],
    ['bearer s3cret', true],
    ['BEARER  s3cret ', true],
  ])('accepts %j', (header, ok) => {
    expect(authorizeDiagnostics(header, 's3cret').ok).toBe(ok);
  });

  it.each([
    [undefined, 401],
    ['', 401],
    ['Bearer ', 401],
    ['Bearer wrong', 401],
    ['Bearer s3cre', 401],
    ['Bearer s3crets', 401],
    ['Basic s3cret', 400],
    ['s3cret', 400],
  ])('refuses %j with %d', (header, status) => {
    expect(authorizeDiagnostics(header, 's3cret')).toMatchObject({ ok: false, status });
  });
});
