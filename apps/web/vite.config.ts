import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(__dirname);
const { version } = JSON.parse(readFileSync(resolve(root, '../../package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root,
  define: { __LAUFWEG_VERSION__: JSON.stringify(version) },
  // The engine's own model validation (a pure library) runs in the modeler as a lint rule.
  resolve: { alias: { '@laufweg/bpmn-model': resolve(root, '../../libs/bpmn-model/src/index.ts') } },
  build: {
    outDir: resolve(root, '../../dist/web'),
    emptyOutDir: true,
    // The modeler's chunk (bpmn-js, properties panel, form-js editor, dmn-js) is large by nature
    // and loaded only on its page.
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000', '/dev-auth': 'http://localhost:3000' } },
});
