import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves the dataset from the repository's `data/` folder at `/data/…` in dev and
 * copies it to `dist/data/` in a build. The files stay outside the JavaScript bundle,
 * so a deployment can replace them without rebuilding.
 */
export function dataFolder(options: { dir: string; files: string[] }): Plugin {
  const types: Record<string, string> = {
    csv: 'text/csv; charset=utf-8',
    geojson: 'application/geo+json; charset=utf-8',
  };
  const read = (root: string, file: string) => readFileSync(resolve(root, options.dir, file));
  let root = process.cwd();
  return {
    name: 'dialogue-atlas:data-folder',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const match = /^\/data\/([^/]+)$/.exec(path);
        const file = match?.[1];
        if (!file || !options.files.includes(file)) return next();
        res.setHeader('Content-Type', types[file.split('.').pop() ?? ''] ?? 'text/plain');
        res.end(read(root, file));
      });
    },
    generateBundle() {
      for (const file of options.files) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: read(root, file) });
      }
    },
  };
}
