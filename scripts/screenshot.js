/**
 * Screenshots the built dashboard: `npx vite preview` must be running.
 * Usage: node scripts/screenshot.js [url] [out.png] [width] [height] [css selector of one element]
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.js';

const [url = 'http://127.0.0.1:4173/', out = 'screenshot.png', w = '1280', h = '900', selector] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url);
await page.waitForSelector('[data-testid="venue-marker"]', { timeout: 10_000 }).catch(() => console.log('no markers'));
await page.waitForTimeout(800);
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
