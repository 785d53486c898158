import { shortHash } from '../src/short-hash.js';
import { FIXTURES } from './fixtures/index.js';
import { synthesizeFixture } from './generate-fixture.js';

type Body = Readonly<Record<string, unknown>>;

/**
 * A resource replaced with `create_before_destroy` exists twice for a while,
 * so its new copy must not take the old one's name. For each such type msp
 * emits: why a replacement cannot collide, checked on the body. The arguments
 * named are those the google provider marks ForceNew that msp sets.
 */
const rules: Readonly<Record<string, (body: Body) => string | undefined>> = {
  // `managed.domains` forces replacement: the name carries a hash of the domain.
  google_compute_managed_ssl_certificate: (body) => {
    const managed = body['managed'] as { domains: string[] }[];
    const want = `managed-cert-${shortHash(managed[0]?.domains[0] ?? '')}`;
    return body['name'] === want ? undefined : `name ${String(body['name'])}, want ${want}`;
  },
  // `certificate` and `private_key` force replacement: Terraform makes a fresh name from the prefix.
  google_compute_ssl_certificate: (body) =>
    body['name'] === undefined && typeof body['name_prefix'] === 'string'
      ? undefined
      : 'needs name_prefix and no name',
  // `tier` forces replacement and is in the name; `region` scopes names; `authorized_network`
  // is the project's one network and `transit_encryption_mode` is fixed.
  google_redis_instance: (body) => {
    const want = body['tier'] === 'STANDARD_HA' ? 'redis' : 'redis-basic';
    if (body['name'] !== want)
      return `name ${String(body['name'])} for tier ${String(body['tier'])}`;
    return body['transit_encryption_mode'] === 'SERVER_AUTHENTICATION'
      ? undefined
      : 'transit_encryption_mode must stay fixed';
  },
  // Only `name` and `load_balancing_scheme` force replacement; msp sets neither from input
  // that can change without the name (environment and region) changing too.
  google_compute_backend_service: (body) =>
    body['load_balancing_scheme'] === undefined
      ? undefined
      : 'load_balancing_scheme would force a replacement under the same name',
};

function replacedFirst(): { where: string; type: string; body: Body }[] {
  const found: { where: string; type: string; body: Body }[] = [];
  for (const [name, fixture] of Object.entries(FIXTURES)) {
    for (const env of synthesizeFixture(fixture).environments) {
      for (const stack of env.stacks) {
        const resources = (stack.document.resource ?? {}) as Record<string, Record<string, Body>>;
        for (const [type, bodies] of Object.entries(resources))
          for (const [id, body] of Object.entries(bodies)) {
            const lifecycle = body['lifecycle'] as { create_before_destroy?: boolean } | undefined;
            if (lifecycle?.create_before_destroy === true)
              found.push({ where: `${name}/${env.id}/${stack.name}: ${type}.${id}`, type, body });
          }
      }
    }
  }
  return found;
}

describe('names of resources replaced with create_before_destroy', () => {
  const all = replacedFirst();

  it('has a rule for every such resource type, and every resource keeps it', () => {
    const problems = all.flatMap(({ where, type, body }) => {
      const rule = rules[type];
      if (rule === undefined) return [`${where}: no rule for ${type}; add one here`];
      const problem = rule(body);
      return problem === undefined ? [] : [`${where}: ${problem}`];
    });
    expect(problems).toEqual([]);
    expect(new Set(all.map((r) => r.type))).toEqual(new Set(Object.keys(rules)));
  });

  it('gives the managed certificate of another domain another name', () => {
    expect(shortHash('api.example.com')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('api.example.com')).not.toBe(shortHash('www.example.com'));
    expect(shortHash('api.example.com')).toBe(shortHash('api.example.com'));
  });
});
