import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { ROUTES } from '../src/lib/data/routes.ts';
import { THEME_KEY } from '../src/lib/state/theme-key.ts';

/**
 * Puts the app's first frame — the dashboard's header while the data loads, rendered at build time
 * by the app's own components (Svelte's server renderer, src/app-shell/) — into the built
 * index.html, so the page paints as soon as the HTML and the stylesheet are in, before the app's
 * script has arrived (a phone on a slow network: first and largest paint). The app replaces it
 * with the same frame when it mounts (main.ts). Nothing in it comes from the data: it is never
 * stale, whatever `data/` holds.
 *
 * Two small scripts go with it, written here by hand because they must run before the first paint
 * and no library does this: in the head, the theme the app will apply (the link's, else the
 * viewer's choice); after the frame, showing it only on the dashboard's routes (an embed or
 * present view paints something else first) with the viewer's theme choice in its menu.
 */
export function appShell(): Plugin {
  let root = process.cwd();
  let html = '';
  return {
    name: 'dialogue-atlas:app-shell',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      const out = mkdtempSync(join(tmpdir(), 'atlas-app-shell-'));
      try {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [svelte(), serverStubs()],
          ssr: { noExternal: true },
          build: {
            ssr: 'src/app-shell/render-shell.ts',
            outDir: out,
            emptyOutDir: true,
            target: 'node20',
            minify: false,
            sourcemap: false,
            // One file: what the render imports lazily is in it, not in chunks looked for after the folder is gone.
            rolldownOptions: { output: { codeSplitting: false } },
          },
        });
        const module = (await import(pathToFileURL(join(out, 'render-shell.js')).href)) as {
          renderShell: () => string;
        };
        html = module.renderShell();
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      if (!html.includes('site-header')) throw new Error('app-shell: the rendered first frame has no header');
    },
    transformIndexHtml(page) {
      const anchor = '<div id="app">';
      if (!page.includes(anchor)) throw new Error('app-shell: index.html has no <div id="app">');
      const single = JSON.stringify(ROUTES.filter((r) => r !== ''));
      const key = JSON.stringify(THEME_KEY);
      const theme = `<script>
      (() => {
        const link = new URLSearchParams(location.hash.split('?')[1] ?? '').get('theme');
        let chosen = null;
        try {
          chosen = localStorage.getItem(${key});
        } catch {}
        const theme = ['light', 'dark'].includes(link) ? link : chosen;
        if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
      })();
    </script>`;
      const show = `<script>
        (() => {
          const path = location.hash.replace(/^#\\/?/, '').split('?')[0].replace(/\\/$/, '');
          if (${single}.includes(path)) return;
          const shell = document.getElementById('app-shell');
          let chosen = null;
          try {
            chosen = localStorage.getItem(${key});
          } catch {}
          const menu = shell.querySelector('select');
          if (menu && (chosen === 'light' || chosen === 'dark')) menu.value = chosen;
          shell.hidden = false;
        })();
      </script>`;
      return page
        .replace('</title>', `</title>\n    ${theme}`)
        .replace(anchor, `${anchor}\n      <div id="app-shell" hidden>${html}</div>\n      ${show}`);
    },
  };
}

/** What has no place in Node: the map's code (Leaflet needs a window) and the basemap's URL. */
function serverStubs(): Plugin {
  const stubs: Record<string, string> = {
    basemap: 'export default "";',
    'load-map': 'export const mapRequested = () => false; export const loadVenueMap = () => new Promise(() => {});',
  };
  return {
    name: 'dialogue-atlas:app-shell-stubs',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'virtual:basemap-overview') return '\0app-shell:basemap';
      if (/\/lib\/map\/load-map(\.ts)?$/.test(id)) return '\0app-shell:load-map';
      return null;
    },
    load(id) {
      return id.startsWith('\0app-shell:') ? stubs[id.slice('\0app-shell:'.length)] : null;
    },
  };
}
