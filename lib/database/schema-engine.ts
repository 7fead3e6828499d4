// Prisma's schema engine compiled to WebAssembly, loaded by hand because its
// package entry imports the .wasm file bundler-style, which Node cannot load.
// Used only to generate migration SQL (a diff of two schemas).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

const require = createRequire(import.meta.url);
let enginePromise: Promise<SchemaEngine> | undefined;

async function loadEngine(): Promise<SchemaEngine> {
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  // The constructor insists on a connection; an empty in-memory database
  // serves, and `diff` never touches it.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()));
  const quiet = () => {};
  return (await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", ""]] },
    quiet,
    adapter,
  )) as SchemaEngine;
}

/** The SQL that turns a database shaped like `from` (null: empty) into one shaped like `to`. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  enginePromise ??= loadEngine();
  const engine = await enginePromise;
  const target = (content: string | null): DiffTarget =>
    content === null
      ? { tag: "empty" }
      : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
  const result = await engine.diff({
    from: target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
