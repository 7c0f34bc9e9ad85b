import { defineConfig } from 'vite';

/**
 * Builds the command-line validator (scripts/validate.ts) for Node: the app's TypeScript,
 * bundled with its libraries and the country shapes, into dist-cli/validate.js.
 */
export default defineConfig({
  build: {
    ssr: 'scripts/validate.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'validate.js' } },
  },
  ssr: { noExternal: true },
});
