/** A generated file's content: text, or bytes for archives such as the skaffold source. */
export type FileContent = string | Uint8Array;

/** Whether a generated file holds bytes rather than UTF-8 text: read, compared and written as bytes. */
export function isBinaryPath(path: string): boolean {
  return path.endsWith('.tar.gz');
}

/** Byte equality of two contents, whichever form each is in. */
export function sameContent(a: FileContent, b: FileContent): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

/** The text of a content, or `undefined` for bytes. */
export function textOf(content: FileContent | undefined): string | undefined {
  return typeof content === 'string' ? content : undefined;
}
