import type { StackContext } from '../../stack.js';
import { bigqueryPart } from './bigquery.js';
import type { CloudRunPart } from './part.js';
import { postgresqlPart } from './postgresql.js';
import { privateNetwork } from './private-network.js';
import { redisPart } from './redis.js';

/** The parts for `resources`: the private network (once, when needed), Redis, Cloud SQL, BigQuery. */
export function resourceParts(ctx: StackContext): CloudRunPart[] {
  const { env, spec } = ctx;
  const { redis, postgreSQL, bigQueryDataset, needsPrivateNetwork } = env.resources;
  const parts: CloudRunPart[] = [];
  if (needsPrivateNetwork || redis !== undefined || postgreSQL !== undefined) {
    const network = privateNetwork(ctx);
    parts.push(network.part);
    if (redis !== undefined)
      parts.push(redisPart(spec.service.kind, redis, env.region, network.networkID));
    if (postgreSQL !== undefined) parts.push(postgresqlPart(ctx, postgreSQL, network));
  }
  if (bigQueryDataset !== undefined) parts.push(bigqueryPart(ctx, bigQueryDataset));
  return parts;
}
