// Prisma's schema engine, compiled to Wasm (@prisma/schema-engine-wasm), because the native binary
// cannot be downloaded here. Its package imports the .wasm file as an ES module, which Node 20
// cannot do, so we instantiate it by hand, once per process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { IntrospectionAdapterFactory } from './introspection-adapter';

export type {
  DiffParams,
  DiffResult,
  SchemaContainer,
  SchemaEngine,
} from '@prisma/schema-engine-wasm/schema_engine_bg';

type PanicRegistry = { message: string; set_message(message: string): void };

declare global {
  // The Wasm code writes the text of a Rust panic here before trapping; the trap itself says only
  // "unreachable". The prisma CLI defines the same global.
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let loaded: Promise<void> | undefined;
// After a panic the instance's memory is in an unknown state; it is not used again.
let panicked = false;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(message: string) {
        this.message = message;
      },
    };
    // The exports map hides the .wasm file; it sits next to the package's entry point.
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const imports = { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== 'function') throw new Error('schema-engine-wasm: __wbindgen_start is missing');
    start();
  })();
  return loaded;
}

/** A schema engine that reaches the database only through `adapterFactory`. Free it when done. */
async function createSchemaEngine(
  files: SchemaContainer[],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  if (panicked) throw new Error('The schema engine panicked earlier in this process; run the check again.');
  await loadWasm();
  // The engine expects the error-capturing wrapper Prisma puts around every adapter.
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const datamodels = files.map((file): [string, string] => [file.path, file.content]);
  // The callback receives the engine's JSON log lines; failures also come back as rejections.
  return bindings.SchemaEngine.new({ datamodels }, () => {}, adapter);
}

/**
 * Runs `work`, which uses the engine, and turns a panic into its rejection. The Wasm code traps
 * inside a queued microtask, so a panic surfaces as an uncaught exception (which would end the
 * process before any cleanup) while the engine's promise never settles.
 */
async function rejectingOnPanic<T>(work: () => Promise<T>): Promise<T> {
  let listener: ((error: Error) => void) | undefined;
  const panic = new Promise<never>((_, reject) => {
    listener = (error) => {
      if (error instanceof WebAssembly.RuntimeError) {
        panicked = true;
        reject(engineError(error));
        return;
      }
      // Not the engine's: crash as without this listener, unless someone else handles it.
      if (process.listenerCount('uncaughtException') > 1) return;
      if (listener) process.off('uncaughtException', listener);
      throw error;
    };
    process.on('uncaughtException', listener);
  });
  try {
    return await Promise.race([work(), panic]);
  } finally {
    if (listener) process.off('uncaughtException', listener);
  }
}

/**
 * Runs `work` with an engine that reaches `url` only (the introspection adapter refuses to open a
 * shadow database), then frees the engine and closes its connections. Panics become rejections.
 */
export async function withSchemaEngine<T>(
  url: string,
  files: SchemaContainer[],
  work: (engine: SchemaEngine, queriesRun: () => number) => Promise<T>,
): Promise<T> {
  const adapters = new IntrospectionAdapterFactory(url);
  try {
    return await rejectingOnPanic(async () => {
      const engine = await createSchemaEngine(files, adapters);
      try {
        return await work(engine, () => adapters.queries);
      } finally {
        engine.free();
      }
    });
  } catch (error) {
    throw engineError(error);
  } finally {
    await adapters.end();
  }
}

/** An engine error, with the panic text when the Wasm code trapped. */
function engineError(error: unknown): Error {
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  const panic = registry?.message;
  if (registry) registry.message = '';
  const message = error instanceof Error ? error.message : String(error);
  return new Error(panic ? `${message} (schema engine panic: ${panic})` : message, { cause: error });
}
