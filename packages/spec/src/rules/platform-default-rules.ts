/**
 * Cloudflare and authentication settings the platform config does not give, where generation
 * takes a standard default instead of refusing: each default taken is a warning
 * that names it and says how to set the value. (Defaults of the platform config
 * alone, such as the billing account, are warnings of the config: platformDefaultIssues.)
 */
import type { Rule } from './rule.js';
import { environments } from './rule.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';

export const platformDefault: Rule = {
  code: 'platform-default',
  *check({ spec, platform }) {
    for (const [env, , path] of environments(spec)) {
      const auth = env.authentication;
      if (
        (auth?.organizationDomain === true || auth?.sourcegraph === true) &&
        platform.authenticationDomain === undefined
      ) {
        yield {
          path: [...path, 'authentication'],
          severity: 'warning',
          message:
            'no authenticationDomain in the platform config: the domain whose users may invoke the service comes from the input variable authentication_domain at plan time',
          hint: "supply authentication_domain (see the cloudrun stack's terraform.tfvars.example), or set authenticationDomain in msp.config.yaml",
        };
      }
      if (env.domain?.type !== 'cloudflare') continue;
      if (platform.cloudflare === undefined) {
        yield {
          path: [...path, 'domain', 'type'],
          severity: 'warning',
          message:
            "no cloudflare settings in the platform config: the Cloudflare provider takes its token from CLOUDFLARE_API_TOKEN in the Terraform run's environment",
          hint: 'set CLOUDFLARE_API_TOKEN where Terraform runs, or set cloudflare.apiTokenSecret in msp.config.yaml',
        };
      }
      const proxied = env.domain.cloudflare?.proxied ?? SPEC_DEFAULTS.cloudflareProxied;
      if (proxied && platform.cloudflare?.originCertificate === undefined) {
        yield {
          path: [
            ...path,
            'domain',
            'cloudflare',
            ...(env.domain.cloudflare?.proxied === undefined ? [] : ['proxied']),
          ],
          severity: 'warning',
          message:
            "no cloudflare.originCertificate in the platform config: the proxied domain's origin certificate comes from the input variables cloudflare_origin_certificate and cloudflare_origin_private_key at plan time",
          hint: "supply them (see the cloudrun stack's terraform.tfvars.example), set cloudflare.originCertificate in msp.config.yaml, or set proxied: false for a Google-managed certificate",
        };
      }
    }
  },
};
