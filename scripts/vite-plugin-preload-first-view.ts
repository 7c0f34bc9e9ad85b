import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` (and a style preload for their CSS) to the built index.html for
 * the chunks the first view imports while it mounts — the data panel, the filter bar, the timeline
 * and its table. The app asks for them with `import()` only once the entry has run; named in the
 * page, they are fetched and compiled beside the entry instead of a round trip after it, so the
 * mount steps before the first chart do not wait for the network (a phone's 150 ms round trip).
 * Vite preloads only what the entry imports statically; this is the same for the lazy first view.
 */
export function preloadFirstView(options: { modules: string[] }): Plugin {
  let base = './';
  return {
    name: 'dialogue-atlas:preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        // What the entry already brings (statically): not named twice.
        const entryGraph = new Set<string>();
        const walk = (fileName: string, into: Set<string>) => {
          if (into.has(fileName)) return;
          into.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') for (const dep of chunk.imports) walk(dep, into);
        };
        for (const chunk of chunks) if (chunk.isEntry) walk(chunk.fileName, entryGraph);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        for (const module of options.modules) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`preload-first-view: no chunk is built from ${module}`);
          const graph = new Set<string>();
          walk(chunk.fileName, graph);
          for (const fileName of graph) {
            if (entryGraph.has(fileName)) continue;
            scripts.add(fileName);
            const css = (bundle[fileName] as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata
              ?.importedCss;
            for (const file of css ?? []) styles.add(file);
          }
        }
        const href = (fileName: string) => `${base}${fileName}`;
        return [
          ...[...scripts].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) },
            injectTo: 'head' as const,
          })),
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: href(fileName) },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
