import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(__dirname);
const { version } = JSON.parse(readFileSync(resolve(root, '../../package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root,
  define: { __LAUFWEG_VERSION__: JSON.stringify(version) },
  build: { outDir: resolve(root, '../../dist/web'), emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
