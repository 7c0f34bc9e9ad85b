// npm run bench: measures the production build in Chromium on synthetic data.
// Timings are medians of repeated runs in one session on this machine; compare them as ratios.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { generateDataset } from './generate-data.js';
import { describeLighthouse, runLighthouse } from './lighthouse.js';

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
/** @param {number[]} xs @param {number} p */
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
/** @param {number} ms */
const fmt = (ms) => `${ms.toFixed(1)} ms`;

// Sections to run (all by default): node scripts/bench/run.js first-view filter load map upload lighthouse
const only = process.argv.slice(2);
/** @param {string} name */
const want = (name) => only.length === 0 || only.includes(name);

// The reference for the first view: a bare Svelte page built with the same tools, served beside
// the site at /bare/ by the same server, so both are measured side by side in one run.
const bareDir = mkdtempSync(join(tmpdir(), 'atlas-bare-'));
if (want('first-view')) {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./bare/', import.meta.url)),
    base: './',
    plugins: [svelte()],
    build: { outDir: bareDir, emptyOutDir: true, target: 'es2022' },
    logLevel: 'warn',
  });
}
// The floor for any first view drawn ahead (see "0." below): the app's own first screen saved as
// static pages, served at /floor/ by the same server.
const floorDir = mkdtempSync(join(tmpdir(), 'atlas-floor-'));
/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
/** @param {string} dir @returns {import('vite').Connect.NextHandleFunction} */
const serveDir = (dir) => (req, res, next) => {
  const path = normalize((req.url ?? '/').split('?')[0] ?? '/').replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(dir) || !existsSync(file)) return next();
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.end(readFileSync(file));
};
/** @type {import('vite').Plugin} */
const serveBare = {
  name: 'bench:bare-page',
  configurePreviewServer(server) {
    server.middlewares.use('/bare', serveDir(bareDir));
    server.middlewares.use('/floor', serveDir(floorDir));
  },
};

const port = Number(process.env.BENCH_PORT ?? 4180);
const server = await preview({
  plugins: [serveBare],
  preview: { port, strictPort: true, host: '127.0.0.1' },
  logLevel: 'silent',
});
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/**
 * A page whose data files are the given texts.
 * @param {{ dialogues: string, venues: string, topics: string, sources: string }} data
 */
async function pageWith(data) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  /** @type {Record<string, string>} */
  const files = {
    'dialogues.csv': data.dialogues,
    'venues.geojson': data.venues,
    'topics.csv': data.topics,
    'sources.csv': data.sources,
  };
  await page.route('**/data/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    return route.fulfill({ body: files[name] ?? '', contentType: 'text/plain' });
  });
  return page;
}

/** @type {[string, string][]} */
const results = [];

/**
 * The floor under any first view drawn ahead of the app (pre-rendered at build time, or in a
 * server): the app's own first screen, saved the moment its first topic bar is in the document,
 * as a static page with its stylesheets inlined and no script, request or preload — the least a
 * page that shows this screen can do before it paints. `checked.html` is the same page shown only
 * once the four data files have been fetched and found to be those it was drawn from, as an
 * honest first view must (a deployment may replace data/ without rebuilding).
 */
async function writeFloorPages() {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(() => {
    const w = /** @type {{ __firstScreen?: string }} */ (/** @type {unknown} */ (window));
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="topic-bar"]')) return;
      observer.disconnect();
      // Read, not written: the page's own markup saved as a file; nothing is parsed into a page here.
      // eslint-disable-next-line no-restricted-properties
      w.__firstScreen = document.documentElement.outerHTML;
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(base);
  await page.waitForFunction(() => '__firstScreen' in window, null, { timeout: 60_000 });
  const html = /** @type {string} */ (
    await page.evaluate(() => /** @type {{ __firstScreen: string }} */ (/** @type {unknown} */ (window)).__firstScreen)
  );
  await page.close();
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const stat = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload|icon)"[^>]*>/g, '')
    // The entry's stylesheet is inlined already; its link is kept disabled for Vite's chunk loader.
    .replace(/<link rel="stylesheet"[^>]*\sdisabled[^>]*>/g, '')
    .replace(
      /<link rel="stylesheet"[^>]*href="[^"]*?(assets\/[^"]+\.css)"[^>]*>/g,
      (_, href) => `<style>${readFileSync(join(dist, href), 'utf8')}</style>`,
    );
  if (!/data-testid="topic-bar"/.test(stat) || /<link rel="stylesheet"/.test(stat))
    throw new Error(`floor page not made: ${stat.match(/<link rel="stylesheet"[^>]*>/g)?.join(' ')}`);
  writeFileSync(join(floorDir, 'index.html'), `<!doctype html>\n${stat}`);
  /** @type {Record<string, string>} */
  const texts = {};
  for (const file of ['dialogues.csv', 'venues.geojson', 'topics.csv', 'sources.csv'])
    texts[file] = readFileSync(join(dist, 'data', file), 'utf8').replace(/^\uFEFF/, '');
  const check = `<script>(() => {
  const expected = ${JSON.stringify(texts).replace(/</g, '\\u003c')};
  const app = document.getElementById('app');
  Promise.all(Object.keys(expected).map((f) => fetch('../data/' + f).then((r) => r.text()).then((t) => t === expected[f])))
    .then((same) => { if (same.every(Boolean)) app.hidden = false; });
})();</script>`;
  writeFileSync(
    join(floorDir, 'checked.html'),
    `<!doctype html>\n${stat.replace('<div id="app"', '<div id="app" hidden').replace('</body>', `${check}</body>`)}`,
  );
}

// 0. The first view: time to the first chart mark on screen, against a bare Svelte page's first
// paint, side by side (alternating, a fresh browser context each), with the bundled data.
if (want('first-view')) {
  /**
   * Records when the first mark matching `selector` is on screen: seen by a MutationObserver
   * (nodes added, or an attribute that may show them changed) in the document and visible —
   * with a size, inside the window, not hidden by `hidden`, `display`, `visibility`, `opacity` or
   * `content-visibility` on it or an ancestor (a mark in a `<template>` is not in the document) —
   * then painted (the task after the next frame). The same probe for both pages.
   * @param {string} selector
   */
  const probe = (selector) => {
    const w = /** @type {{ __mark?: { seen: number, painted: number } }} */ (/** @type {unknown} */ (window));
    const visible = () =>
      [...document.querySelectorAll(selector)].some((el) => {
        const box = el.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.height > 0 &&
          box.right > 0 &&
          box.bottom > 0 &&
          box.left < innerWidth &&
          box.top < innerHeight &&
          el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })
        );
      });
    const observer = new MutationObserver(() => {
      if (!visible()) return;
      observer.disconnect();
      const seen = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__mark = { seen, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  };
  /**
   * @param {string} url @param {string} selector @param {number} cpu slowdown (1 = none)
   * @returns {Promise<{ painted: number, fcp: number, requests: Record<string, number> }>}
   */
  const measure = async (url, selector, cpu) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await page.addInitScript(probe, selector);
    await page.goto(url);
    await page.waitForFunction(() => '__mark' in window, null, { timeout: 60_000 });
    // The paint timing entry is reported after the frame, sometimes after the mark's own probe:
    // waited for (a second at most), or the median of a fast page's FCP was NaN.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
        timeout: 1_000,
      })
      .catch(() => {});
    const result = await page.evaluate(() => {
      const w = /** @type {{ __mark: { painted: number } }} */ (/** @type {unknown} */ (window));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      /** @type {Record<string, number>} */
      const requests = {};
      for (const e of performance.getEntriesByType('resource')) {
        const name = e.name.split('/').pop() ?? '';
        const key = name.startsWith('VenueMap-') && name.endsWith('.js') ? 'map code' : name;
        requests[key] ??= e.startTime;
      }
      return { painted: w.__mark.painted, fcp, requests };
    });
    if (url === base) {
      // The map's own timings, once it is there.
      await page.locator('.basemap-country').first().waitFor({ state: 'attached', timeout: 60_000 });
      Object.assign(
        result.requests,
        await page.evaluate(() =>
          Object.fromEntries(
            performance
              .getEntriesByType('resource')
              .filter((e) => /VenueMap-.*\.js$|countries-110m/.test(e.name))
              .map((e) => [/countries/.test(e.name) ? 'basemap' : 'map code', e.startTime]),
          ),
        ),
      );
    }
    await context.close();
    return result;
  };
  await writeFloorPages();
  for (const [cpu, runs] of /** @type {[number, number][]} */ ([
    [1, 9],
    [4, 5],
  ])) {
    /** @type {number[]} */ const floor = [];
    /** @type {number[]} */ const floorChecked = [];
    /** @type {number[]} */ const app = [];
    /** @type {number[]} */ const bare = [];
    /** @type {number[]} */ const bareFcp = [];
    /** @type {Record<string, number[]>} */ const req = { data: [], 'map code': [], basemap: [] };
    await measure(base, '[data-testid="topic-bar"]', cpu); // warm the server and the disk cache of the build
    for (let i = 0; i < runs; i++) {
      const a = await measure(base, '[data-testid="topic-bar"]', cpu);
      const b = await measure(`${base}bare/`, '[data-testid="bare-mark"]', cpu);
      floor.push((await measure(`${base}floor/`, '[data-testid="topic-bar"]', cpu)).painted);
      floorChecked.push((await measure(`${base}floor/checked.html`, '[data-testid="topic-bar"]', cpu)).painted);
      app.push(a.painted);
      bare.push(b.painted);
      bareFcp.push(b.fcp);
      req.data?.push(a.requests['dialogues.csv'] ?? NaN);
      req['map code']?.push(a.requests['map code'] ?? NaN);
      req.basemap?.push(a.requests['basemap'] ?? NaN);
    }
    const label = cpu > 1 ? `, CPU ${cpu}× slower` : '';
    results.push([
      `first chart mark vs bare Svelte page's first paint${label} (median of ${runs})`,
      `${fmt(median(app))} vs ${fmt(median(bare))} (bare FCP ${fmt(median(bareFcp))}): ${(median(app) / median(bare)).toFixed(2)}×`,
    ]);
    const ratio = (/** @type {number[]} */ xs) => `${fmt(median(xs))} (${(median(xs) / median(bare)).toFixed(2)}×)`;
    results.push([
      `floor: the app's first screen as a static page, no script${label}; shown once the data is checked`,
      `${ratio(floor)}; ${ratio(floorChecked)}`,
    ]);
    results.push([
      `first view requests${label}: data, map code, basemap (start, median)`,
      `${fmt(median(req.data ?? []))}, ${fmt(median(req['map code'] ?? []))}, ${fmt(median(req.basemap ?? []))}`,
    ]);
  }
}

// 0b. A phone on a slow network (DevTools throttling, observed: 150 ms round trip, 1.6 Mbps down,
// CPU 4× slower, 412 px): first and largest paint with the first frame rendered ahead in
// index.html (scripts/vite-plugin-app-shell.ts) and with it taken out of the page, alternating.
if (want('first-view')) {
  /** @type {Record<'ahead' | 'without', { fcp: number, lcp: number }[]>} */
  const phone = { ahead: [], without: [] };
  for (let i = 0; i < 5; i++) {
    for (const variant of /** @type {const} */ (['ahead', 'without'])) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      if (variant === 'without')
        await page.route(base, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<div id="app-shell" hidden>[\s\S]*?<\/script>/, '');
          await route.fulfill({ response, body });
        });
      await page.goto(base);
      await page.getByTestId('topic-bar').first().waitFor({ state: 'attached', timeout: 60_000 });
      phone[variant].push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              let lcp = NaN;
              new PerformanceObserver((list) => {
                for (const e of list.getEntries()) lcp = e.startTime;
              }).observe({ type: 'largest-contentful-paint', buffered: true });
              setTimeout(() => {
                const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
                resolve({ fcp, lcp });
              }, 100);
            }),
        ),
      );
      await context.close();
    }
  }
  const paints = (/** @type {{ fcp: number, lcp: number }[]} */ xs) =>
    `FCP ${fmt(median(xs.map((x) => x.fcp)))}, LCP ${fmt(median(xs.map((x) => x.lcp)))}`;
  results.push([
    'slow phone (150 ms RTT, 1.6 Mbps, CPU 4×; median of 5): first frame rendered ahead; without it',
    `${paints(phone.ahead)}; ${paints(phone.without)}`,
  ]);
}

// 1. Filter latency with 100,000 meetings: click a topic bar, time until the DOM is updated and laid out.
if (want('filter')) {
  const data = generateDataset({ meetings: 100_000, venues: 500 });
  const page = await pageWith(data);
  const t0 = Date.now();
  await page.goto(base);
  await page.locator('[data-testid="topic-bar"]').first().waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - t0;
  const samples = await page.evaluate(async () => {
    const afterFlush = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(undefined);
        channel.port2.postMessage(null);
      });
    /** @type {number[]} */
    const times = [];
    const bars = () => document.querySelectorAll('[data-testid="topic-bar"]');
    // 10 warm-up clicks (not timed) let the JIT settle; then 60 timed ones.
    for (let i = -10; i < 60; i++) {
      const bar = /** @type {HTMLElement} */ (bars()[(i + 60) % 6]);
      const start = performance.now();
      bar.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await afterFlush();
      void document.body.offsetHeight; // style and layout, as the next frame needs
      if (i >= 0) times.push(performance.now() - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  });
  results.push([
    'filter change, 100,000 meetings (click → DOM laid out)',
    `median ${fmt(median(samples))}, p90 ${fmt(pct(samples, 0.9))}`,
  ]);
  results.push(['first load, 100,000 meetings (navigation → first bars)', fmt(loadMs)]);
  await page.close();
}

/** Records every long task's duration (ms) in `window.__longTasks`, from the page's first script. */
const recordLongTasks = () => {
  const w = /** @type {{ __longTasks: number[] }} */ (/** @type {unknown} */ (window));
  w.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
    type: 'longtask',
  });
};
/** @param {import('@playwright/test').Page} page @returns {Promise<number[]>} long tasks since the last call, longest first */
const takeLongTasks = (page) =>
  page.evaluate(() => {
    const w = /** @type {{ __longTasks: number[] }} */ (/** @type {unknown} */ (window));
    const tasks = w.__longTasks.sort((a, b) => b - a);
    w.__longTasks = [];
    return tasks;
  });
/** @param {number[]} tasks */
const describeTasks = (tasks) =>
  tasks.length
    ? `longest task ${fmt(tasks[0] ?? 0)}, ${tasks.filter((t) => t > 50).length} over 50 ms`
    : 'no task over 50 ms';

// 1b. Page load of a large served data/dialogues.csv (100,000 rows, read in the worker): time to
// the first chart and to every chart, and the longest main-thread task meanwhile.
if (want('load')) {
  const rows = Number(process.env.BENCH_LOAD_ROWS ?? 100_000);
  const data = generateDataset({ meetings: rows, venues: 500, seed: 11 });
  /** @type {number[]} */ const first = [];
  /** @type {number[]} */ const all = [];
  /** @type {number[]} */ const longest = [];
  /** @type {number[]} */ const over = [];
  for (let i = 0; i < 3; i++) {
    const page = await pageWith(data);
    await page.addInitScript(recordLongTasks);
    const t0 = Date.now();
    await page.goto(base);
    await page.locator('[data-testid="topic-bar"]').first().waitFor({ timeout: 120_000 });
    first.push(Date.now() - t0);
    await page
      .locator('.stats dd', { hasText: rows.toLocaleString('en') })
      .first()
      .waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="cadence-chart"]').waitFor();
    all.push(Date.now() - t0);
    await page.waitForTimeout(500);
    const tasks = await takeLongTasks(page);
    longest.push(tasks[0] ?? 0);
    over.push(tasks.filter((t) => t > 50).length);
    await page.close();
  }
  console.error(
    `page load: first chart ${median(first)} ms, every chart ${median(all)} ms, longest ${median(longest)} ms`,
  );
  results.push([
    `page load, served ${rows.toLocaleString('en')}-row dialogues.csv (${(Buffer.byteLength(data.dialogues) / 1048576).toFixed(0)} MB; median of 3)`,
    `first chart ${fmt(median(first))}, every chart ${fmt(median(all))}; longest task ${fmt(median(longest))}, ${median(over)} over 50 ms`,
  ]);
}

// 2. The map with 10,000 venues: frame intervals while it pans.
if (want('map')) {
  const data = generateDataset({ meetings: 20_000, venues: 10_000 });
  const page = await pageWith(data);
  await page.goto(base);
  await page
    .locator('.venue-map .leaflet-overlay-pane canvas, .venue-map canvas')
    .first()
    .waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const frames = await page.evaluate(async () => {
    const map = /** @type {HTMLElement} */ (document.querySelector('.venue-map'));
    const box = map.getBoundingClientRect();
    /** @type {number[]} */
    const intervals = [];
    let last = performance.now();
    let running = true;
    /** @param {number} t */
    const tick = (t) => {
      intervals.push(t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // Drag the map by synthetic pointer moves over ~1 s.
    /** @param {string} type @param {number} x @param {number} y */
    const fire = (type, x, y) =>
      map.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y, buttons: 1 }));
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    fire('mousedown', cx, cy);
    for (let i = 1; i <= 60; i++) {
      fire('mousemove', cx + i * 4, cy + i * 2);
      await new Promise((r) => requestAnimationFrame(r));
    }
    fire('mouseup', cx + 240, cy + 120);
    running = false;
    return intervals.slice(2);
  });
  results.push([
    'map pan with 10,000 venues (frame interval)',
    `median ${fmt(median(frames))}, p90 ${fmt(pct(frames, 0.9))}`,
  ]);
  await page.close();
}

// 3. Upload and apply a million rows: how long, and the longest main-thread task in each phase.
if (want('upload')) {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const data = generateDataset({ meetings: rows, venues: 500, seed: 7 });
  const path = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'million.csv');
  writeFileSync(path, data.dialogues);
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(recordLongTasks);
  await page.goto(base);
  await page.locator('[data-testid="cadence-mark"]').first().waitFor();
  // The page's JavaScript heap, sampled through the run (the ingest worker's own heap is not in it).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapMb = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
  };
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakHeap = Math.max(peakHeap, await heapMb());
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await takeLongTasks(page);
  let t0 = Date.now();
  await page.getByTestId('upload').locator('input[type=file]').setInputFiles(path);
  const pickMs = Date.now() - t0;
  const pickTasks = await takeLongTasks(page);
  t0 = Date.now();
  await page.getByTestId('upload-diff').waitFor({ timeout: 300_000 });
  const ingestMs = Date.now() - t0;
  const ingestTasks = await takeLongTasks(page);
  // The generated file removes every meeting shown now: Apply asks once, and the second click applies.
  await page.getByTestId('upload-apply').click();
  await page.getByTestId('upload-confirm').waitFor();
  await takeLongTasks(page);
  t0 = Date.now();
  await page.getByTestId('upload-apply').click();
  await page
    .locator('.stats dd', { hasText: rows.toLocaleString('en') })
    .first()
    .waitFor({ timeout: 300_000 });
  await page.locator('[data-mode="density"]').waitFor();
  const applyMs = Date.now() - t0;
  const applyTasks = await takeLongTasks(page);
  // A filter change at a million rows.
  await page.locator('[data-testid="topic-bar"]').first().click();
  await page.locator('.count strong').first().waitFor();
  await page.waitForTimeout(1000);
  const filterTasks = await takeLongTasks(page);
  // The same file again, a few seconds after Apply: the worker indexed the new data meanwhile.
  await page.waitForTimeout(5000);
  await takeLongTasks(page);
  t0 = Date.now();
  await page.getByTestId('upload').locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('upload-diff').waitFor({ timeout: 300_000 });
  const againMs = Date.now() - t0;
  const againTasks = await takeLongTasks(page);
  sampling = false;
  await sampler;
  const fileMb = Buffer.byteLength(data.dialogues) / 1048576;
  results.push([
    `upload ${rows.toLocaleString('en')} rows: handing the file to the page`,
    `${pickMs} ms; ${describeTasks(pickTasks)}`,
  ]);
  results.push([
    `upload ${rows.toLocaleString('en')} rows: read, check, diff (worker)`,
    `${(ingestMs / 1000).toFixed(1)} s; ${describeTasks(ingestTasks)}`,
  ]);
  results.push([
    `apply ${rows.toLocaleString('en')} rows (click → charts drawn)`,
    `${(applyMs / 1000).toFixed(1)} s; ${describeTasks(applyTasks)}`,
  ]);
  results.push([`filter change at ${rows.toLocaleString('en')} rows`, describeTasks(filterTasks)]);
  results.push([
    `the same file uploaded again after applying it`,
    `${(againMs / 1000).toFixed(1)} s to the diff; ${describeTasks(againTasks)}`,
  ]);
  results.push([
    `page JavaScript heap, peak through upload and apply`,
    `${peakHeap.toFixed(0)} MB (${(peakHeap / fileMb).toFixed(2)}× the ${fileMb.toFixed(0)} MB file)`,
  ]);
  await page.close();
}

await browser.close();

// 5. Lighthouse, mobile and desktop presets, against the same build.
if (want('lighthouse')) {
  for (const r of await runLighthouse(base, { runs: Number(process.env.LH_RUNS ?? 3) })) {
    results.push([`Lighthouse ${r.preset} (median of ${r.scores.length} runs)`, describeLighthouse(r)]);
  }
}
await server.close();

const width = Math.max(...results.map(([k]) => k.length));
console.log('\nDialogue Atlas benchmarks (Chromium, production build)\n');
for (const [k, v] of results) console.log(`${k.padEnd(width)}  ${v}`);
