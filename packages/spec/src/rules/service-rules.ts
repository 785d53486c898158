/** Rules on the `service` block. */
import type { Rule } from './rule.js';
import { environments, items } from './rule.js';

export const notionPageRequired: Rule = {
  code: 'notion-page-required',
  *check({ spec, malformed }) {
    if (spec.service === undefined || spec.service.notionPageID !== undefined) return;
    if (malformed(['service', 'notionPageID'])) return;
    for (const [env, , path] of environments(spec)) {
      if (env.category !== undefined && env.category !== 'test') {
        yield {
          path: [...path, 'category'],
          message: `environment "${env.id}" in category "${env.category}" requires service.notionPageID to be set`,
          hint: 'production environments need an operational handbook page: set service.notionPageID',
        };
      }
    }
  },
};

export const notionPageIDInvalid: Rule = {
  code: 'notion-page-id-invalid',
  *check({ spec }) {
    const id = spec.service?.notionPageID;
    if (id === undefined) return;
    if (id.includes('.notion.') || id.includes('://') || id.includes('/')) {
      yield {
        path: ['service', 'notionPageID'],
        message: 'notionPageID must be a page ID, not a URL',
        hint: 'use the 32-character ID at the end of the page URL',
      };
    } else if (id.includes('?')) {
      yield {
        path: ['service', 'notionPageID'],
        message: 'notionPageID must be a page ID, but it has what looks like a URL query "?"',
        hint: 'remove "?" and everything after it',
      };
    }
  },
};

const PREDEFINED_ROLE = /^roles\/[a-zA-Z.]+$/;
const CUSTOM_ROLE = /^(projects|organizations)\/[a-z0-9_-]+\/roles\/[a-zA-Z_.]+$/;

export const iamRoleInvalid: Rule = {
  code: 'iam-role-invalid',
  *check({ spec }) {
    for (const [role, index] of items(spec.service?.iam?.roles)) {
      if (!PREDEFINED_ROLE.test(role) && !CUSTOM_ROLE.test(role)) {
        yield {
          path: ['service', 'iam', 'roles', index],
          message: `invalid IAM role "${role}": must be a predefined role or a custom role`,
          hint: 'predefined: "roles/<name>"; custom: "projects/<project>/roles/<name>" or "organizations/<org>/roles/<name>"',
        };
      }
    }
  },
};

export const descriptionTODO: Rule = {
  code: 'description-todo',
  *check({ spec }) {
    if (spec.service?.description?.trim().toUpperCase() === 'TODO') {
      yield {
        path: ['service', 'description'],
        severity: 'warning',
        message: 'description is still "TODO"',
        hint: 'say what the service does; it is used for the Opsgenie service',
      };
    }
  },
};
