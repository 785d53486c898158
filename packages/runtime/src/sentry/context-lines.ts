import { readFile, stat } from 'node:fs/promises';
import { addContextToFrame, type Event, type StackFrame } from '@sentry/core';

/** Lines of source shown before and after a frame's line, as `@sentry/node`. */
export const CONTEXT_LINES = 7;
/** Source files larger than this get no context (a large bundle would cost more than it shows). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** The cache holds at most this many bytes of source; the least recently used files go first. */
export const MAX_CACHED_BYTES = 16 * 1024 * 1024;

export interface ContextLinesOptions {
  readonly lines?: number;
  readonly maxSourceBytes?: number;
  readonly maxCachedBytes?: number;
}

/**
 * Source context for stack frames (`pre_context`, `context_line`,
 * `post_context`), as `@sentry/node`'s `contextLinesIntegration` gives:
 * read when an event is sent, never when the error is captured or at
 * start-up, from the frames' absolute paths (`node:` internals and
 * unreadable files get none). Files read are kept, up to
 * `maxCachedBytes` in all (least recently used dropped first); a file that
 * could not be read is remembered as such. Long lines are cut around the
 * column, as Sentry does.
 */
export function contextLinesProcessor(
  options: ContextLinesOptions = {},
): (event: Event) => Event | Promise<Event> {
  const linesOfContext = options.lines ?? CONTEXT_LINES;
  const maxSourceBytes = options.maxSourceBytes ?? MAX_SOURCE_BYTES;
  const maxCachedBytes = options.maxCachedBytes ?? MAX_CACHED_BYTES;
  /** path → its lines (undefined: not readable), most recently used last. */
  const cache = new Map<string, { lines: string[] | undefined; bytes: number }>();
  let cachedBytes = 0;

  async function linesOf(path: string): Promise<string[] | undefined> {
    const hit = cache.get(path);
    if (hit !== undefined) {
      cache.delete(path);
      cache.set(path, hit);
      return hit.lines;
    }
    let lines: string[] | undefined;
    let bytes = 0;
    try {
      const { size } = await stat(path);
      if (size <= maxSourceBytes) {
        lines = (await readFile(path, 'utf8')).split(/\r?\n/);
        bytes = size;
      }
    } catch {
      lines = undefined;
    }
    cache.set(path, { lines, bytes });
    cachedBytes += bytes;
    for (const [oldest, entry] of cache) {
      if (cachedBytes <= maxCachedBytes) break;
      cache.delete(oldest);
      cachedBytes -= entry.bytes;
    }
    return lines;
  }

  async function addContext(frames: StackFrame[], paths: Set<string>): Promise<void> {
    const sources = new Map<string, string[] | undefined>();
    for (const path of paths) sources.set(path, await linesOf(path));
    for (const frame of frames) {
      const path = sourcePath(frame);
      const lines = path === undefined ? undefined : sources.get(path);
      if (lines === undefined || frame.lineno === undefined || frame.lineno > lines.length)
        continue;
      addContextToFrame(lines, frame, linesOfContext);
    }
  }

  return (event) => {
    const frames: StackFrame[] = [];
    for (const value of event.exception?.values ?? [])
      frames.push(...(value.stacktrace?.frames ?? []));
    const paths = new Set<string>();
    for (const frame of frames) {
      const path = sourcePath(frame);
      if (path !== undefined && frame.lineno !== undefined) paths.add(path);
    }
    // Events without frames to read (messages, check-ins) go on at once.
    if (paths.size === 0) return event;
    return addContext(frames, paths).then(() => event);
  };
}

/** The file a frame points at, if it is an absolute path on this machine. */
function sourcePath(frame: StackFrame): string | undefined {
  const filename = frame.filename;
  if (filename === undefined || !filename.startsWith('/')) return undefined;
  return filename.includes('%') ? safeDecode(filename) : filename;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
