import { configBlocks, movedBlocks } from './resources.js';
import { stackDocuments } from './stack-documents.js';
import { statefulKind } from './stateful.js';

/** One address that differs between the files on disk and what the spec generates now. */
export interface AddressChange {
  readonly environment: string;
  readonly stack: string;
  readonly address: string;
  readonly change: 'added' | 'changed' | 'removed' | 'moved';
  /** For `moved`: the old address (a `moved` block in the new configuration covers it). */
  readonly from?: string;
}

/** A change that loses state: a stateful resource destroyed, or re-addressed without a `moved` block. */
export interface StatefulWarning {
  readonly environment: string;
  readonly stack: string;
  readonly address: string;
  /** e.g. `Cloud SQL instance`. */
  readonly kind: string;
  readonly reason: 'destroyed' | 're-addressed';
  /** For `re-addressed`: the address (possibly in another stack) it reappears at. */
  readonly to?: string;
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
  readonly blocks: Map<string, string>;
  readonly moved: { from: string; to: string }[];
}

function index(files: ReadonlyMap<string, string>): Map<string, Located> {
  const stacks = new Map<string, Located>();
  for (const { environment, stack, document } of stackDocuments(files)) {
    const key = `${environment}/${stack}`;
    const entry: Located = stacks.get(key) ?? {
      environment,
      stack,
      blocks: new Map<string, string>(),
      moved: [],
    };
    for (const block of configBlocks(document))
      entry.blocks.set(block.address, JSON.stringify(block.body));
    entry.moved.push(...movedBlocks(document));
    stacks.set(key, entry);
  }
  return stacks;
}

function typeOf(address: string): string {
  const parts = address.split('.');
  return (parts[0] === 'data' ? parts[1] : parts[0]) ?? '';
}

/**
 * Compares the Terraform on disk (`current`) with what generation produces now
 * (`next`), both keyed by paths relative to the spec's directory: resource
 * addresses added, changed, removed or moved per stack, other files that
 * differ, and warnings for every stateful resource that would be destroyed or
 * re-addressed without a `moved` block.
 */
export function diffStacks(
  current: ReadonlyMap<string, string>,
  next: ReadonlyMap<string, string>,
): StackDiff {
  const before = index(current);
  const after = index(next);
  const changes: AddressChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const old = before.get(key);
    const now = after.get(key);
    const where = {
      environment: (old ?? now)?.environment ?? '',
      stack: (old ?? now)?.stack ?? '',
    };
    const oldBlocks = old?.blocks ?? new Map<string, string>();
    const newBlocks = now?.blocks ?? new Map<string, string>();
    const moves = new Map(
      (now?.moved ?? [])
        .filter((m) => oldBlocks.has(m.from) && newBlocks.has(m.to) && !newBlocks.has(m.from))
        .map((m) => [m.from, m.to]),
    );
    const movedTo = new Set(moves.values());
    for (const address of [...new Set([...oldBlocks.keys(), ...newBlocks.keys()])].sort()) {
      const a = oldBlocks.get(address);
      const b = newBlocks.get(address);
      if (a === undefined && b !== undefined && !movedTo.has(address))
        changes.push({ ...where, address, change: 'added' });
      else if (a !== undefined && b === undefined) {
        const to = moves.get(address);
        changes.push(
          to === undefined
            ? { ...where, address, change: 'removed' }
            : { ...where, address: to, change: 'moved', from: address },
        );
      } else if (a !== undefined && b !== undefined && a !== b)
        changes.push({ ...where, address, change: 'changed' });
    }
  }
  return { changes, files: otherFiles(current, next), warnings: statefulWarnings(changes) };
}

function statefulWarnings(changes: readonly AddressChange[]): StatefulWarning[] {
  const added = changes.filter((c) => c.change === 'added');
  const warnings: StatefulWarning[] = [];
  for (const change of changes) {
    if (change.change !== 'removed' || change.address.startsWith('data.')) continue;
    const type = typeOf(change.address);
    const kind = statefulKind(type);
    if (kind === undefined) continue;
    const name = change.address.slice(type.length + 1);
    // The same resource reappearing elsewhere (another stack, or another name) is a re-address:
    // Terraform still destroys the old one and creates a new, empty one.
    const reappears =
      added.find((a) => a.environment === change.environment && a.address === change.address) ??
      added.find(
        (a) =>
          a.environment === change.environment &&
          a.stack === change.stack &&
          typeOf(a.address) === type,
      ) ??
      added.find(
        (a) =>
          a.environment === change.environment &&
          a.address.endsWith(`.${name}`) &&
          typeOf(a.address) === type,
      );
    warnings.push({
      environment: change.environment,
      stack: change.stack,
      address: change.address,
      kind,
      ...(reappears === undefined
        ? { reason: 'destroyed' as const }
        : {
            reason: 're-addressed' as const,
            to:
              reappears.stack === change.stack
                ? reappears.address
                : `${reappears.stack}:${reappears.address}`,
          }),
    });
  }
  return warnings;
}

function otherFiles(
  current: ReadonlyMap<string, string>,
  next: ReadonlyMap<string, string>,
): StackDiff['files'] {
  const result: { path: string; change: 'added' | 'changed' | 'removed' }[] = [];
  for (const path of [...new Set([...current.keys(), ...next.keys()])].sort()) {
    if (path.endsWith('.tf.json')) continue;
    const a = current.get(path);
    const b = next.get(path);
    if (a === undefined && b !== undefined) result.push({ path, change: 'added' });
    else if (a !== undefined && b === undefined) result.push({ path, change: 'removed' });
    else if (a !== b) result.push({ path, change: 'changed' });
  }
  return result;
}
