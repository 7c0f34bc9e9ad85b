import { chromium } from '@playwright/test';
import { preview } from 'vite';
const server = await preview({ preview: { port: 4150, strictPort: true } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const w of [320, 390]) {
const p = await browser.newPage({ viewport: { width: w, height: 800 } });
await p.goto('http://localhost:4150/'); await p.getByTestId('cadence-mark').first().waitFor(); await p.waitForTimeout(500);
await p.getByTestId('cadence-chart').screenshot({ path: `/tmp/prof/cad-${w}.png` });
await p.close(); }
await browser.close(); server.httpServer.close();
