// The floor of generation: a plain Node script that does only what no generator can
// avoid. It reads pre-rendered documents (what `msp generate` wrote, captured by
// bench/scale/scale.mjs as one JSON file), serialises each one and writes the same
// files. Nothing is parsed from YAML, validated, resolved or synthesized.
//
//   node bench/scale/floor.mjs <documents.json> <outdir>
//
// documents.json: [[relative path, document]], where a document is a JSON value
// written as `JSON.stringify(value, null, 2)` plus a newline, or { text } for a file
// that is not JSON.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [documentsFile, outDir] = process.argv.slice(2);
if (documentsFile === undefined || outDir === undefined) {
  console.error('usage: node bench/scale/floor.mjs <documents.json> <outdir>');
  process.exit(2);
}
const documents = JSON.parse(readFileSync(documentsFile, 'utf8'));
const made = new Set();
for (const [path, document] of documents) {
  const file = join(outDir, path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(
    file,
    path.endsWith('.json') ? `${JSON.stringify(document, null, 2)}\n` : document.text,
  );
}
