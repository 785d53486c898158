import type { ResourceReplacement } from '@msp/terraform-gen';
import { changedArguments, outermost, touches, valuesAt } from './changed-arguments.js';
import { configBlocks, movedBlocks, references } from './resources.js';
import { stackDocuments } from './stack-documents.js';
import { statefulKind, statefulLoss } from './stateful.js';
import { sameContent, type FileContent } from '../fs/file-content.js';

/** The forcing-arguments table of `@msp/terraform-gen`, by resource type. */
export type ReplacementLookup = (type: string) => ResourceReplacement | undefined;

/**
 * What Terraform does with an address: `create`, `update` (in place), `replace`
 * (destroy, then create), `destroy`, or `move` (a `moved` block re-addresses it; with forcing
 * arguments changed as well it is a `replace`).
 */
export type Action = 'create' | 'update' | 'replace' | 'destroy' | 'move';

/** One address that differs between the files on disk and what the spec generates now. */
export interface AddressChange {
  readonly environment: string;
  readonly stack: string;
  readonly address: string;
  readonly action: Action;
  /** For a moved address: the old address (a `moved` block in the new configuration covers it). */
  readonly from?: string;
  /** For `update` and `replace`: the arguments whose values differ, as dotted paths. */
  readonly arguments?: readonly string[];
  /**
   * For `replace`: why, one entry per forcing argument: `region`, `region (provider default)`,
   * `instance (google_sql_database_instance.main is replaced)`.
   */
  readonly forcedBy?: readonly string[];
  /**
   * For `update`: arguments that changed and force replacement only under a condition
   * (e.g. Redis `redis_version` when it decreases), with the condition.
   */
  readonly mayForce?: readonly string[];
  /** The type is not in the forcing-arguments table: a change may or may not replace it. */
  readonly unknownType?: true;
}

/** A change that loses state: a stateful resource destroyed, replaced, or re-addressed without a `moved` block. */
export interface StatefulWarning {
  readonly environment: string;
  readonly stack: string;
  readonly address: string;
  /** e.g. `Cloud SQL instance`. */
  readonly kind: string;
  readonly reason: 'destroyed' | 'replaced' | 're-addressed';
  /** What applying it loses, e.g. `every key in the instance`. */
  readonly loses: string;
  /** For `re-addressed`: the address (possibly in another stack) it reappears at. */
  readonly to?: string;
  /** For `replaced`: the forcing arguments. */
  readonly forcedBy?: readonly string[];
  /** The new configuration has `lifecycle.prevent_destroy`: Terraform refuses the plan until it is lifted. */
  readonly refusedByPreventDestroy?: true;
}

export interface StackDiff {
  readonly changes: readonly AddressChange[];
  /** Other generated files (tfvars, versions) that differ, by path. */
  readonly files: readonly {
    readonly path: string;
    readonly change: 'added' | 'changed' | 'removed';
  }[];
  readonly warnings: readonly StatefulWarning[];
}

interface Located {
  readonly environment: string;
  readonly stack: string;
  readonly blocks: Map<string, unknown>;
  readonly moved: { from: string; to: string }[];
  /** The default provider configurations, by provider name. */
  readonly providers: Map<string, unknown>;
}

function index(files: ReadonlyMap<string, FileContent>): Map<string, Located> {
  const stacks = new Map<string, Located>();
  for (const { environment, stack, document } of stackDocuments(files)) {
    const key = `${environment}/${stack}`;
    const entry: Located = stacks.get(key) ?? {
      environment,
      stack,
      blocks: new Map<string, unknown>(),
      moved: [],
      providers: new Map<string, unknown>(),
    };
    for (const block of configBlocks(document)) entry.blocks.set(block.address, block.body);
    entry.moved.push(...movedBlocks(document));
    for (const [name, config] of Object.entries(providerBlocks(document)))
      entry.providers.set(name, config);
    stacks.set(key, entry);
  }
  return stacks;
}

/** Each provider's default (un-aliased) configuration in a document. */
function providerBlocks(document: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof document !== 'object' || document === null) return out;
  const providers = (document as Record<string, unknown>)['provider'];
  if (typeof providers !== 'object' || providers === null) return out;
  for (const [name, value] of Object.entries(providers)) {
    const configs = Array.isArray(value) ? (value as unknown[]) : [value];
    const main = configs.find(
      (c) => typeof c === 'object' && c !== null && !('alias' in (c as Record<string, unknown>)),
    );
    if (main !== undefined) out[name] = main;
  }
  return out;
}

function typeOf(address: string): string {
  const parts = address.split('.');
  return (parts[0] === 'data' ? parts[1] : parts[0]) ?? '';
}

const isData = (address: string) => address.startsWith('data.');

/** Arguments a resource inherits from its provider's configuration when it does not set them. */
const INHERITED = ['project', 'region', 'zone'] as const;

/**
 * Compares the Terraform on disk (`current`) with what generation produces now
 * (`next`), both keyed by paths relative to the spec's directory, and says what
 * Terraform will do with every address that differs: create, update in place,
 * replace (naming the arguments that force it, from `replacements`), destroy or
 * move. Warns for every stateful resource that would be destroyed, replaced or
 * re-addressed without a `moved` block.
 */
export function diffStacks(
  current: ReadonlyMap<string, FileContent>,
  next: ReadonlyMap<string, FileContent>,
  replacements: ReplacementLookup,
): StackDiff {
  const before = index(current);
  const after = index(next);
  const changes: AddressChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys)
    changes.push(...diffStack(before.get(key), after.get(key), replacements));
  return {
    changes,
    files: otherFiles(current, next),
    warnings: statefulWarnings(changes, after),
  };
}

function diffStack(
  old: Located | undefined,
  now: Located | undefined,
  replacements: ReplacementLookup,
): AddressChange[] {
  const where = {
    environment: (old ?? now)?.environment ?? '',
    stack: (old ?? now)?.stack ?? '',
  };
  const oldBlocks = old?.blocks ?? new Map<string, unknown>();
  const newBlocks = now?.blocks ?? new Map<string, unknown>();
  const moves = new Map(
    (now?.moved ?? [])
      .filter((m) => oldBlocks.has(m.from) && newBlocks.has(m.to) && !newBlocks.has(m.from))
      .map((m) => [m.to, m.from]),
  );
  const movedFrom = new Set(moves.values());
  const inheritedChanges = INHERITED.filter(
    (arg) =>
      JSON.stringify(valuesAt(old?.providers.get('google'), arg)) !==
      JSON.stringify(valuesAt(now?.providers.get('google'), arg)),
  );

  const byAddress = new Map<string, AddressChange>();
  for (const address of [...new Set([...oldBlocks.keys(), ...newBlocks.keys()])].sort()) {
    if (movedFrom.has(address)) continue;
    const from = moves.get(address);
    const a = oldBlocks.get(from ?? address);
    const b = newBlocks.get(address);
    const moved = from === undefined ? {} : { from };
    if (a === undefined && b !== undefined) {
      byAddress.set(address, { ...where, address, action: 'create' });
      continue;
    }
    if (a !== undefined && b === undefined) {
      byAddress.set(address, { ...where, address, action: 'destroy' });
      continue;
    }
    const args = changedArguments(a, b);
    const type = typeOf(address);
    const table = isData(address) ? undefined : replacements(type);
    const forcedBy =
      table === undefined ? [] : table.forceNew.filter((f) => args.some((c) => touches(c, f)));
    if (table !== undefined && type.startsWith('google_'))
      for (const arg of inheritedChanges)
        if (table.forceNew.includes(arg) && valuesAt(b, arg).length === 0)
          forcedBy.push(`${arg} (provider default)`);
    if (args.length === 0 && forcedBy.length === 0) {
      if (from !== undefined) byAddress.set(address, { ...where, address, action: 'move', from });
      continue;
    }
    const mayForce =
      table?.conditional
        .filter((c) => args.some((x) => touches(x, c.path)))
        .map((c) => `${c.path}: ${c.when}`) ?? [];
    byAddress.set(address, {
      ...where,
      address,
      action: forcedBy.length > 0 ? 'replace' : 'update',
      ...moved,
      ...(args.length > 0 ? { arguments: outermost(args) } : {}),
      ...(forcedBy.length > 0 ? { forcedBy } : {}),
      ...(forcedBy.length === 0 && mayForce.length > 0 ? { mayForce } : {}),
      ...(table === undefined && !isData(address) ? { unknownType: true as const } : {}),
    });
  }
  propagateReplacements(byAddress, newBlocks, where, replacements);
  return [...byAddress.values()].sort((x, y) => (x.address < y.address ? -1 : 1));
}

/**
 * A resource whose forcing argument refers to a resource being replaced goes with it: its
 * parent is destroyed (taking it along, e.g. the databases of a Cloud SQL instance) and the
 * new value is unknown until apply.
 */
function propagateReplacements(
  byAddress: Map<string, AddressChange>,
  newBlocks: ReadonlyMap<string, unknown>,
  where: { environment: string; stack: string },
  replacements: ReplacementLookup,
): void {
  for (let changed = true; changed; ) {
    changed = false;
    const replaced = [...byAddress.values()]
      .filter((c) => c.action === 'replace')
      .map((c) => c.address);
    for (const [address, body] of newBlocks) {
      if (isData(address)) continue;
      const existing = byAddress.get(address);
      if (existing !== undefined && existing.action !== 'update' && existing.action !== 'move')
        continue;
      const table = replacements(typeOf(address));
      if (table === undefined) continue;
      const forcedBy: string[] = [];
      for (const arg of table.forceNew) {
        const refs = new Set(valuesAt(body, arg).flatMap((v) => [...references(JSON.parse(v))]));
        const parent = replaced.find((r) => refs.has(r));
        if (parent !== undefined) forcedBy.push(`${arg} (${parent} is replaced)`);
      }
      if (forcedBy.length === 0) continue;
      byAddress.set(address, {
        ...where,
        ...(existing ?? {}),
        address,
        action: 'replace',
        forcedBy: [...(existing?.forcedBy ?? []), ...forcedBy],
      });
      changed = true;
    }
  }
}

function statefulWarnings(
  changes: readonly AddressChange[],
  after: ReadonlyMap<string, Located>,
): StatefulWarning[] {
  const created = changes.filter((c) => c.action === 'create');
  const warnings: StatefulWarning[] = [];
  for (const change of changes) {
    if (isData(change.address)) continue;
    if (change.action !== 'destroy' && change.action !== 'replace') continue;
    const type = typeOf(change.address);
    const kind = statefulKind(type);
    const loses = statefulLoss(type);
    if (kind === undefined || loses === undefined) continue;
    const base = {
      environment: change.environment,
      stack: change.stack,
      address: change.address,
      kind,
      loses,
    };
    if (change.action === 'replace') {
      const body = after.get(`${change.environment}/${change.stack}`)?.blocks.get(change.address);
      const prevent = valuesAt(body, 'lifecycle.prevent_destroy').includes('true');
      warnings.push({
        ...base,
        reason: 'replaced',
        forcedBy: change.forcedBy ?? [],
        ...(prevent ? { refusedByPreventDestroy: true as const } : {}),
      });
      continue;
    }
    const name = change.address.slice(type.length + 1);
    // The same resource reappearing elsewhere (another stack, or another name) is a re-address:
    // Terraform still destroys the old one and creates a new, empty one.
    const reappears =
      created.find((a) => a.environment === change.environment && a.address === change.address) ??
      created.find(
        (a) =>
          a.environment === change.environment &&
          a.stack === change.stack &&
          typeOf(a.address) === type,
      ) ??
      created.find(
        (a) =>
          a.environment === change.environment &&
          a.address.endsWith(`.${name}`) &&
          typeOf(a.address) === type,
      );
    warnings.push(
      reappears === undefined
        ? { ...base, reason: 'destroyed' }
        : {
            ...base,
            reason: 're-addressed',
            to:
              reappears.stack === change.stack
                ? reappears.address
                : `${reappears.stack}:${reappears.address}`,
          },
    );
  }
  return warnings;
}

function otherFiles(
  current: ReadonlyMap<string, FileContent>,
  next: ReadonlyMap<string, FileContent>,
): StackDiff['files'] {
  const result: { path: string; change: 'added' | 'changed' | 'removed' }[] = [];
  for (const path of [...new Set([...current.keys(), ...next.keys()])].sort()) {
    if (path.endsWith('.tf.json')) continue;
    const a = current.get(path);
    const b = next.get(path);
    if (a === undefined && b !== undefined) result.push({ path, change: 'added' });
    else if (a !== undefined && b === undefined) result.push({ path, change: 'removed' });
    else if (a !== undefined && b !== undefined && !sameContent(a, b))
      result.push({ path, change: 'changed' });
  }
  return result;
}
