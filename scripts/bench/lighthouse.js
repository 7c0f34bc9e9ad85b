// Lighthouse (the npm package) against the built site in Debian's Chromium, mobile and desktop presets.
// Run from `npm run bench` (scripts/bench/run.js), or alone against a running server:
//   node scripts/bench/lighthouse.js http://127.0.0.1:4173/
// Lighthouse 13 declares Node ≥ 22 but runs on Node 20.19 here; its numbers are simulated
// (Lantern: slow 4G and a 4× slower CPU on mobile), so they move with this machine's load.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath, omniboxPopupFeatures } from '../chromium.js';

const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

/**
 * Lighthouse scores and metrics for `url`, `runs` times per preset; the run with the median
 * performance score is reported, with the range of scores seen.
 * @param {string} url
 * @param {{ runs?: number }} [options]
 * @returns {Promise<{ preset: string, performance: number, accessibility: number, scores: number[], metrics: Record<string, string>, longTasks: string[] }[]>}
 */
export async function runLighthouse(url, { runs = 3 } = {}) {
  // chrome-launcher's own flags, with the omnibox popup added to its --disable-features (Chromium
  // keeps only the last one given, so a second would drop chrome-launcher's list): see ../chromium.js.
  const launcherFlags = chromeLauncher.Launcher.defaultFlags().map((flag) =>
    flag.startsWith('--disable-features=') ? `${flag},${omniboxPopupFeatures.join(',')}` : flag,
  );
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    ignoreDefaultFlags: true,
    chromeFlags: [
      ...launcherFlags,
      '--disable-setuid-sandbox',
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
    ],
  });
  const out = [];
  try {
    for (const [preset, config] of /** @type {const} */ ([
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ])) {
      /** @type {import('lighthouse').Result[]} */
      const results = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
          config,
        );
        if (!result) throw new Error('Lighthouse returned no result.');
        if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
        results.push(result.lhr);
      }
      const score = (/** @type {import('lighthouse').Result} */ r) =>
        Math.round((r.categories.performance?.score ?? 0) * 100);
      const sorted = [...results].sort((a, b) => score(a) - score(b));
      const lhr = /** @type {import('lighthouse').Result} */ (sorted[Math.floor(sorted.length / 2)]);
      /** @type {Record<string, string>} */
      const metrics = {};
      for (const [name, id] of Object.entries(METRICS)) metrics[name] = lhr.audits[id]?.displayValue ?? '?';
      const tasks = /** @type {{ items?: { url: string, duration: number }[] } | undefined} */ (
        lhr.audits['long-tasks']?.details
      );
      out.push({
        preset,
        performance: score(lhr),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        scores: results.map(score),
        metrics,
        longTasks: (tasks?.items ?? [])
          .slice(0, 5)
          .map((t) => `${Math.round(t.duration)} ms ${t.url.split('/').pop() || t.url}`),
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

/** @param {Awaited<ReturnType<typeof runLighthouse>>[number]} r */
export const describeLighthouse = (r) =>
  `performance ${r.performance} (runs: ${r.scores.join(', ')}), accessibility ${r.accessibility}; ` +
  Object.entries(r.metrics)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2];
  if (!url) throw new Error('Usage: node scripts/bench/lighthouse.js <url of a running server>');
  for (const r of await runLighthouse(url, { runs: Number(process.env.LH_RUNS ?? 3) })) {
    console.log(`${r.preset}: ${describeLighthouse(r)}`);
    console.log(`  long tasks: ${r.longTasks.join('; ') || 'none'}`);
  }
}
