import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** An A record, proxied through Cloudflare unless turned off; TTL 1 means automatic. */
export function cloudflareARecord(
  id: string,
  config: { zoneID: string; name: string; address: string; proxied: boolean },
): { fragment: Fragment } {
  return {
    fragment: resource('cloudflare_dns_record', id, {
      zone_id: config.zoneID,
      name: config.name,
      type: 'A',
      content: config.address,
      proxied: config.proxied,
      ttl: 1,
    }),
  };
}
