import type { Plugin } from 'vite';

/**
 * Puts the entry's stylesheet (app.css and the first frame's components, 4 KB gzip) into the built
 * index.html as a `<style>`, before its `<link rel="stylesheet">`, which is kept `disabled` (not
 * fetched, not applied). The link stays for Vite's loader of lazy chunks: they name the entry's
 * stylesheet among their own, and the loader adds a link for any it finds none for — a request for
 * styles already here, and where that file is gone (a 404) the chunk fails to load. The file is
 * kept in dist for the same reason. The first frame (vite-plugin-app-shell.ts) then paints as soon as the HTML is parsed, with no request
 * between: a stylesheet link blocks rendering for a round trip (150 ms on a phone), and while it
 * did, the app's scripts finished arriving first, so Lighthouse counted them all as needed for the
 * first paint (mobile FCP 2.1 s with the link, 0.7–0.8 s without, in one run on this machine).
 *
 * Written by hand: Vite inlines no CSS into HTML, and this is a string replacement of one tag.
 */
export function inlineEntryCss(): Plugin {
  let base = './';
  return {
    name: 'dialogue-atlas:inline-entry-css',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const entry = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
        const css = (entry as { viteMetadata?: { importedCss?: Set<string> } } | undefined)?.viteMetadata?.importedCss;
        let page = html;
        for (const fileName of css ?? []) {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="${escapeRegExp(base + fileName)}"[^>]*>`);
          if (!link.test(page)) throw new Error(`inline-entry-css: index.html has no link to ${fileName}`);
          // `</style` inside the CSS (a string or comment) would end the element early.
          const text = String(asset.source).replace(/<\/style/gi, '<\\/style');
          page = page.replace(link, (tag) => `<style>${text}</style>\n    ${tag.replace(/>$/, ' disabled>')}`);
        }
        return page;
      },
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
