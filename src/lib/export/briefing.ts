import { isFiltering, NO_FILTERS, type Filters } from '../data/filters';
import { BRIEFING_GLOBAL, type BriefingData } from './briefing-data';
import { titleFilters } from './describe';
import { escapeXml } from './xml';

export { briefingName, localStamp } from './file-name';

/** JSON that can sit inside a <script> element: no "</script>", no "<!--", no line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Script that puts the downloaded view's hash in the address before the app reads it, unless the
 * file was opened with a view of its own (a link to `briefing.html#/?…`). Only a `#/…` hash
 * is used, and it goes through JSON, never as markup.
 */
function openIn(hash: string | undefined): string {
  if (!hash || !/^#\/[^\s]*$/.test(hash)) return '';
  return `if(!location.hash||location.hash==='#'||location.hash==='#/')history.replaceState(null,'',${scriptSafeJson(hash)});`;
}

/** index.html's first element (test/unit/briefing.test.ts checks they are the same): Tab's first stop, to the charts. */
export const SKIP_LINK = `<a class="skip-link" href="#charts" onclick="event.preventDefault();var c=document.getElementById('charts');c?.focus({preventScroll:true});c?.scrollIntoView()">Skip to the charts</a>`;

/**
 * One self-contained HTML page: the app's script and styles, the basemap (inside the script) and
 * the data, all inline, so it opens from disk with no network. Its title names the `filters` it
 * was saved in (as an embed's frame does), so that two briefings can be told apart in a tab or a list.
 */
export function composeBriefingHtml(
  app: { js: string; css: string },
  data: BriefingData,
  filters: Filters = NO_FILTERS,
  labels: { topic: (id: string) => string; venue: (id: string) => string } = { topic: (id) => id, venue: (id) => id },
): string {
  // Inside a <script>, only "</script" could end it early; "<\/" means the same to JavaScript.
  const js = app.js.replace(/<\/(script)/gi, '<\\/$1');
  const css = app.css.replace(/<\/(style)/gi, '<\\/$1');
  const date = data.created.slice(0, 10);
  // Topic and venue names come from the data: escaped, as in any markup written here.
  const title = `Dialogue Atlas briefing, ${date}${isFiltering(filters) ? ` — ${titleFilters(filters, labels)}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeXml(title)}</title>
<style>${css}</style>
</head>
<body>
${SKIP_LINK}
<div id="app"><noscript>This briefing needs JavaScript to draw its map and charts.</noscript></div>
<script>window.${BRIEFING_GLOBAL} = ${scriptSafeJson(data)};${openIn(data.hash)}</script>
<script type="module">${js}</script>
</body>
</html>
`;
}

/** Fetches the one-file app build (dist/briefing/) from the site the page came from. */
export async function fetchBriefingApp(base: string = document.baseURI): Promise<{ js: string; css: string }> {
  const get = async (name: string) => {
    const response = await fetch(new URL(`briefing/${name}`, base));
    if (!response.ok)
      throw new Error(`The briefing needs the built site (briefing/${name} answered ${response.status}).`);
    return response.text();
  };
  const [js, css] = await Promise.all([get('briefing.js'), get('briefing.css')]);
  return { js, css };
}
