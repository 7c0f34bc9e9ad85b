import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { dataFolder } from './scripts/vite-plugin-data-folder.ts';
import { basemapOverview } from './scripts/vite-plugin-basemap.ts';
import { preloadFirstView } from './scripts/vite-plugin-preload-first-view.ts';
import { appShell } from './scripts/vite-plugin-app-shell.ts';
import { inlineEntryCss } from './scripts/vite-plugin-inline-entry-css.ts';

// datapackage.json describes the four (Frictionless Data Package), for whoever reads the data folder.
const DATA_FILES = ['dialogues.csv', 'venues.geojson', 'topics.csv', 'sources.csv', 'datapackage.json'];

// What the dashboard imports while it mounts, before and beside the first chart (see App.svelte):
// named in index.html so it is fetched beside the entry rather than after it.
const FIRST_VIEW_CHUNKS = [
  'src/components/data/UploadPanel.svelte',
  'src/components/controls/FilterBar.svelte',
  'src/components/views/CadenceView.svelte',
  'src/components/dashboard/InsightsTable.svelte',
];

/**
 * `vite build --mode briefing` makes dist/briefing/briefing.{js,css}: the same app as one script
 * and one stylesheet, nothing loaded later, the basemap inlined as a data: URL. From these the
 * app writes the offline briefing (one HTML file that opens from disk).
 */
const briefingBuild = {
  target: 'es2022',
  outDir: 'dist/briefing',
  emptyOutDir: true,
  sourcemap: false,
  copyPublicDir: false,
  chunkSizeWarningLimit: 4096,
  cssCodeSplit: false,
  assetsInlineLimit: 4 * 1024 * 1024,
  rollupOptions: {
    input: 'src/main.ts',
    output: { inlineDynamicImports: true, entryFileNames: 'briefing.js', assetFileNames: 'briefing[extname]' },
  },
};

export default defineConfig(({ mode }) => ({
  // Relative base: the built site works from any sub-path of a static host.
  base: './',
  plugins: [
    svelte(),
    basemapOverview({ inline: mode === 'briefing' }),
    ...(mode === 'briefing'
      ? []
      : [
          dataFolder({ dir: 'data', files: DATA_FILES }),
          appShell(),
          preloadFirstView({ modules: FIRST_VIEW_CHUNKS }),
          inlineEntryCss(),
        ]),
  ],
  build: mode === 'briefing' ? briefingBuild : { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.ts'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
}));
