import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** Lowest priority: the default rule. */
const DEFAULT_RULE_PRIORITY = 2147483647;
/** Cloud Armor allows at most 10 source ranges per rule. */
const RANGES_PER_RULE = 10;

/**
 * A Cloud Armor policy that denies everything except the given source
 * ranges (an expression yielding a list of CIDRs, e.g. the edge's ranges),
 * chunked into allow rules at priorities 4000, 4001, ...
 */
export function edgeOnlySecurityPolicy(
  id: string,
  config: { name: string; allowedRanges: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  const ranges = config.allowedRanges.replace(/^\$\{(.*)\}$/, '$1');
  return {
    fragment: resource('google_compute_security_policy', id, {
      name: config.name,
      rule: [
        {
          action: 'deny(403)',
          priority: DEFAULT_RULE_PRIORITY,
          description: 'Deny everything not allowed by a higher-priority rule',
          match: [{ versioned_expr: 'SRC_IPS_V1', config: [{ src_ip_ranges: ['*'] }] }],
        },
      ],
      dynamic: {
        rule: {
          for_each: `\${chunklist(sort(${ranges}), ${RANGES_PER_RULE})}`,
          content: {
            action: 'allow',
            priority: '${4000 + rule.key}',
            match: [{ versioned_expr: 'SRC_IPS_V1', config: [{ src_ip_ranges: '${rule.value}' }] }],
          },
        },
      },
    }),
    outputs: { id: resourceRef('google_compute_security_policy', id, 'id') },
  };
}
