import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Allows ingress on TCP ports from source ranges to instances with a network tag. */
export function ingressFirewall(
  id: string,
  config: {
    name: string;
    network: string;
    sourceRanges: readonly string[];
    ports: readonly string[];
    targetTag: string;
  },
): { fragment: Fragment } {
  return {
    fragment: resource('google_compute_firewall', id, {
      name: config.name,
      network: config.network,
      direction: 'INGRESS',
      source_ranges: [...config.sourceRanges],
      target_tags: [config.targetTag],
      allow: [{ protocol: 'tcp', ports: [...config.ports] }],
    }),
  };
}
