import { configBlocks } from '../terraform/resources.js';
import { stackDocuments } from '../terraform/stack-documents.js';
import type { FileContent } from '../fs/file-content.js';

export interface AlertPolicy {
  readonly name: string;
  readonly severity?: string;
  readonly description?: string;
}

/** The alert policies generated for an environment, read from its stacks' Terraform JSON, sorted by name. */
export function alertPolicies(
  files: ReadonlyMap<string, FileContent>,
  environmentID: string,
): AlertPolicy[] {
  const policies: AlertPolicy[] = [];
  for (const { document } of stackDocuments(files, environmentID)) {
    for (const block of configBlocks(document)) {
      if (block.type !== 'google_monitoring_alert_policy' || block.address.startsWith('data.'))
        continue;
      const body = (
        typeof block.body === 'object' && block.body !== null ? block.body : {}
      ) as Record<string, unknown>;
      const documentation = [body['documentation']].flat()[0] as { content?: unknown } | undefined;
      const name = typeof body['display_name'] === 'string' ? body['display_name'] : block.address;
      policies.push({
        name,
        ...(typeof body['severity'] === 'string' ? { severity: body['severity'] } : {}),
        ...(typeof documentation?.content === 'string'
          ? { description: documentation.content.split('\n')[0] ?? '' }
          : {}),
      });
    }
  }
  return policies.sort((a, b) => a.name.localeCompare(b.name));
}
