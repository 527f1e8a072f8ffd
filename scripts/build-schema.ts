/**
 * Writes the published JSON Schema of the posture format, generated from src/core/schema.ts,
 * the one definition that also gives the types and the runtime validation; field
 * descriptions from src/core/schema-docs.ts.
 * `--check` exits non-zero when the committed file is stale.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { schemaUrl, toJsonSchema } from '../src/core/json-schema.js';
import { FORMAT_VERSION, PostureDocumentSpec, WELL_KNOWN_DOCUMENT, WELL_KNOWN_JWKS } from '../src/core/schema.js';
import { SCHEMA_DESCRIPTIONS } from '../src/core/schema-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = path.join(root, 'schema', `posture-v${FORMAT_VERSION}.schema.json`);

/** The package version, which names the published copy of the schema (its `$id`). */
const packageVersion = (): string => (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

export function buildSchema(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaUrl(packageVersion()),
    title: `trust-elements posture document, format version ${FORMAT_VERSION}`,
    description:
      `A company's security and privacy posture, published signed (JWS JSON serialization, Ed25519 or ES256). ` +
      `Published at ${WELL_KNOWN_DOCUMENT}; verification keys at ${WELL_KNOWN_JWKS} on the issuer's origin.`,
    ...toJsonSchema(PostureDocumentSpec, SCHEMA_DESCRIPTIONS),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = buildSchema();
  if (process.argv.includes('--check')) {
    const current = await readFile(SCHEMA_PATH, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${path.relative(root, SCHEMA_PATH)} is stale: run npm run schema`);
      process.exit(1);
    }
    console.log(`${path.relative(root, SCHEMA_PATH)} is up to date`);
  } else {
    await mkdir(path.dirname(SCHEMA_PATH), { recursive: true });
    await writeFile(SCHEMA_PATH, text);
    console.log(`wrote ${path.relative(root, SCHEMA_PATH)}`);
  }
}
