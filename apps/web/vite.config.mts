import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The only server code the console may import: the dependency-free rules (credit code, eligibility, forms, labels). */
const rules = fileURLToPath(new URL('../../libs/rules/src/index.ts', import.meta.url));
/** The API's route prefixes: `vite` (dev server) proxies them to the API on :3000. */
const API_PREFIXES = ['/docs', '/health', '/auth', '/users', '/organizations', '/cycles', '/awards', '/applications', '/reviews', '/notifications', '/admin', '/objections', '/metrics', '/public'];

export default defineConfig({
  root,
  base: '/',
  resolve: { alias: { '@awardflow/rules': rules } },
  // No React plugin needed for a production build: oxc compiles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Mermaid's lazily loaded chunks are large; they are never part of the first page.
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" (for React Server Components); meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // /public is also the console's public pages: a browser opening one gets the app, its requests the API.
    proxy: Object.fromEntries(
      API_PREFIXES.map((p) => [
        p,
        {
          target: 'http://localhost:3000',
          changeOrigin: false,
          bypass: p === '/public' ? (req: { headers: { accept?: string } }) => ((req.headers.accept ?? '').includes('text/html') ? '/index.html' : undefined) : undefined,
        },
      ]),
    ),
  },
});
