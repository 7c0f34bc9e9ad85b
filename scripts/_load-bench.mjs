import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '/work/wt/issue-10/scripts/chromium.js';
import { generateDataset } from '/work/wt/issue-10/scripts/bench/generate-data.js';
const base = 'http://127.0.0.1:4110/';
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const data = generateDataset({ meetings: 100_000, venues: 500 });
const files = { 'dialogues.csv': data.dialogues, 'venues.geojson': data.venues, 'topics.csv': data.topics, 'sources.csv': data.sources };
for (let k = 0; k < 2; k++) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.route('**/data/*', (route) => route.fulfill({ body: files[new URL(route.request().url()).pathname.split('/').pop()] ?? '', contentType: 'text/plain' }));
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(e.duration))).observe({ type: 'longtask', buffered: true }); });
  const t0 = Date.now();
  await page.goto(base);
  let sawProgress = false;
  const poll = setInterval(async () => { const t = await page.getByTestId('data-activity').textContent().catch(() => ''); if (/\d+%/.test(t ?? '')) sawProgress = true; }, 100);
  await page.locator('[data-testid="topic-bar"]').first().waitFor({ timeout: 120_000 });
  const first = Date.now() - t0;
  clearInterval(poll);
  const lt = await page.evaluate(() => window.__lt);
  console.log({ firstChartMs: first, longest: Math.max(0, ...lt), over50: lt.filter((d) => d > 50).length, sawProgress });
  await page.close();
}
await browser.close();
