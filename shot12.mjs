import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [,, file, out, w = '1920', h = '1080', bg = '#888'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto('about:blank');
await p.setContent(`<body style="margin:0;background:${bg}">${readFileSync(file,'utf8').replace(/^<\?xml[^>]*>/,'')}</body>`);
await p.screenshot({ path: out });
await b.close();
