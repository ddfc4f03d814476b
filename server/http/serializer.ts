/**
 * Response serialisation: fastify's fast-json-stringify, with the branches of every union in a response
 * schema handed to it as schemas of their own, and their validators compiled when the route is built.
 *
 * Why: fast-json-stringify picks the branch of an `anyOf`/`oneOf` (a material on file, an extension or none,
 * a seal or none) by validating the value with ajv against the branch's JSON pointer, `<root>#/…/anyOf/0`.
 * Ajv resolves such a pointer only by compiling the whole root schema first, so the first answer of the case
 * detail compiled the entire case answer (≈ 0.3 s of one request's event loop, once per route and process) to
 * tell an upload from a shared certificate. A branch that is a `$ref` to a schema of its own is compiled
 * alone (a millisecond), and `compileValidators` does that while the route is built instead of inside a
 * request. The route's schema itself is left as it is: the OpenAPI document and request validation read it,
 * and each route's entry stays self-contained.
 */
import fastJsonStringify from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown>;

/** A schema whose union branches are references, and the branches by their ids. */
export interface SplitSchema {
  schema: unknown;
  branches: Record<string, Schema>;
}

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `schema` uses `$ref` or `$id` anywhere: a branch moved out of it could then resolve differently. */
function hasReferences(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasReferences);
  if (!isSchema(schema)) return false;
  return '$ref' in schema || '$id' in schema || Object.values(schema).some(hasReferences);
}

/**
 * A copy of `schema` in which each object branch of an `anyOf` or `oneOf` (at any depth, in branches too) is
 * `{ $ref: '<id>#' }`, and the branches under their ids (`<prefix>-<n>`). A schema that already uses `$ref` or
 * `$id` is returned as it is, with no branches: moving a part of it elsewhere could change what a reference
 * in it points at. `schema` is not changed.
 */
export function splitUnionBranches(schema: unknown, prefix: string): SplitSchema {
  const branches: Record<string, Schema> = {};
  if (hasReferences(schema)) return { schema, branches };
  let next = 0;
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (!isSchema(node)) return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
        out[key] = value.map((branch) => {
          if (!isSchema(branch)) return copy(branch);
          const id = `${prefix}-${next++}`;
          branches[id] = { ...(copy(branch) as Schema), $id: id };
          return { $ref: `${id}#` };
        });
      } else if (key === 'properties' || key === 'patternProperties') {
        // Maps of names to schemas: a property called `anyOf` is a property, not a union.
        out[key] = isSchema(value) ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, copy(sub)])) : value;
      } else if (key === 'enum' || key === 'const' || key === 'examples' || key === 'example' || key === 'default' || key === 'required') {
        out[key] = value;
      } else {
        out[key] = copy(value);
      }
    }
    return out;
  };
  return { schema: copy(schema), branches };
}

let builds = 0;

/**
 * Installs the serializer compiler on `app` (before the routes: they inherit it). Every response schema is
 * split with `splitUnionBranches` and built by fast-json-stringify with its union validators compiled then.
 */
export function installSerializer(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => {
    const split = splitUnionBranches(schema, `shenpi-answer-${builds++}`);
    return fastJsonStringify(split.schema as fastJsonStringify.Schema, { schema: split.branches as unknown as Record<string, fastJsonStringify.Schema>, compileValidators: true });
  });
}
