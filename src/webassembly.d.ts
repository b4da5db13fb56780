/**
 * The part of the WebAssembly global that this project uses. Node has it, but its type lives in
 * TypeScript's DOM library, which the project leaves out (lib es2024, types node). PGlite's
 * `pgliteWasmModule` option names `WebAssembly.Module`; the tests compile pglite.wasm once per
 * process and hand the module to every database they open (test/support/migrated-templates.ts).
 */
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- an opaque handle, as in the DOM library
  class Module {
    private readonly brand: 'WebAssembly.Module';
  }
  function compile(bytes: Uint8Array): Promise<Module>;
}
