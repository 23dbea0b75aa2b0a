// esbuild plugins for serverless-esbuild (serverless.yml custom.esbuild.plugins). CommonJS: the plugin require()s it.
const { copyFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

/** wasmoon's WebAssembly, which a bundle cannot inline: copied beside every bundled function (lib/health/custom/lua-vm.ts). */
const luaWasm = {
  name: 'sluice-lua-wasm',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const wasm = require.resolve('wasmoon/dist/glue.wasm');
      const outdir = build.initialOptions.outdir;
      if (!outdir) throw new Error('sluice-lua-wasm: esbuild has no outdir to copy glue.wasm into');
      const bundleDirs = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : bundleDirs(join(dir, entry.name));
        return entry.name.endsWith('.mjs') ? [dir] : [];
      });
      for (const dir of new Set(bundleDirs(outdir))) copyFileSync(wasm, join(dir, 'glue.wasm'));
    });
  },
};

module.exports = [luaWasm];
