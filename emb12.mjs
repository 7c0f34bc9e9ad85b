import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [view, w, h, q] of [['topics', 300, 250, ''], ['cadence', 300, 250, ''], ['cadence', 1280, 720, '?partner=Afghanistan&theme=dark'], ['topics', 640, 360, '']]) {
  const p = await b.newPage({ viewport: { width: w + 20, height: h + 20 } });
  await p.setContent(`<body style="margin:10px;background:#999"><iframe src="http://127.0.0.1:4112/#/embed/${view}${q}" width="${w}" height="${h}" style="border:0"></iframe></body>`);
  await p.frameLocator('iframe').getByTestId(view === 'topics' ? 'topic-bar' : 'cadence-mark').first().waitFor({ state: 'attached' });
  await p.waitForTimeout(400);
  await p.screenshot({ path: `/tmp/emb-${view}-${w}.png` });
  await p.close();
}
await b.close();
