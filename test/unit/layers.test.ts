import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The code reads in layers, each importing only from the layers below it:
 * data → ingest / map / charts → state → export → the page (components, App, main).
 * ingest, map and charts are side by side: none imports another (a chart would drag in Leaflet).
 */
const LAYERS: Record<string, number> = {
  'lib/data': 0,
  'lib/ingest': 1,
  'lib/map': 1,
  'lib/charts': 1,
  'lib/state': 2,
  'lib/export': 3,
};
/** Everything outside src/lib (components, App.svelte, main.ts) is the page: it may import any layer. */
const PAGE = 4;

const SRC = resolve(__dirname, '../../src');

/** The layer a file under src/ belongs to (its folder under src/lib), or an error for a folder the table lacks. */
function layerOf(file: string): { name: string; rank: number } {
  const parts = relative(SRC, file).split(sep);
  if (parts[0] !== 'lib') return { name: 'page', rank: PAGE };
  const name = `lib/${parts[1]}`;
  const rank = LAYERS[name];
  if (rank === undefined) throw new Error(`src/${name} is in no layer: add it to LAYERS in test/unit/layers.test.ts`);
  return { name, rank };
}

/** Relative module paths a file refers to: static, type-only and dynamic imports, re-exports, workers. */
function relativeImports(source: string): string[] {
  const found = [
    ...source.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g),
  ].map((m) => m[1]!);
  return found.filter((p) => p.startsWith('.')).map((p) => p.replace(/\?.*$/, ''));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Each import of `file` that goes up a layer or sideways between ingest, map and charts. */
function wrongWay(file: string, source: string): string[] {
  const from = layerOf(file);
  return relativeImports(source).flatMap((spec) => {
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(SRC + sep)) return [];
    const to = layerOf(target);
    const up = to.rank > from.rank;
    const sideways = to.rank === from.rank && to.name !== from.name && from.rank !== PAGE;
    return up || sideways ? [`src/${relative(SRC, file)} (${from.name}) imports ${spec} (${to.name})`] : [];
  });
}

describe('layers', () => {
  it('no module imports from a layer above its own, or from a sibling of the middle layer', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const wrong = files.flatMap((f) => wrongWay(f, readFileSync(f, 'utf8')));
    expect(wrong).toEqual([]);
  });

  // The check itself can fail: imports of each kind, going each way.
  it.each([
    { file: 'lib/state/a.svelte.ts', code: `import { X } from '../export/slide';`, wrong: true },
    { file: 'lib/state/a.svelte.ts', code: `import type { X } from '../export/slide';`, wrong: true },
    { file: 'lib/data/a.ts', code: `export { X } from '../state/b';`, wrong: true },
    { file: 'lib/data/a.ts', code: `const m = await import('../charts/C.svelte');`, wrong: true },
    { file: 'lib/map/a.ts', code: `import { X } from '../charts/text';`, wrong: true },
    { file: 'lib/data/a.ts', code: `new Worker(new URL('../ingest/w.ts', import.meta.url));`, wrong: true },
    {
      file: 'lib/charts/A.svelte',
      code: `<script lang="ts">\n  import X from '../state/view.svelte';\n</script>`,
      wrong: true,
    },
    { file: 'lib/export/a.ts', code: `import { X } from '../state/slide-preset';`, wrong: false },
    { file: 'lib/charts/a.ts', code: `import { X } from '../data/schema';\nimport { Y } from './text';`, wrong: false },
    { file: 'components/A.svelte', code: `import { X } from '../lib/export/slide';`, wrong: false },
    { file: 'lib/state/a.ts', code: `import { scaleTime } from 'd3-scale';`, wrong: false },
  ])('$file: $code → wrong: $wrong', ({ file, code, wrong }) => {
    expect(wrongWay(join(SRC, file), code).length > 0).toBe(wrong);
  });
});
