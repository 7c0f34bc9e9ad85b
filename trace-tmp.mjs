import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
await p.goto(process.argv[2] ?? 'http://127.0.0.1:4111/');
await p.locator('.basemap-country').first().waitFor({ state: 'attached' });
await p.waitForTimeout(1500);
await cdp.send('Tracing.end');
await done;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const tid = main.tid, pid = main.pid;
const mine = events.filter((e) => e.tid === tid && e.pid === pid && e.ph === 'X');
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser');
const t0 = Math.min(...mine.filter(e=>e.name==='RunTask').map(e=>e.ts));
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 50000);
for (const t of tasks) {
  const kids = mine.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.name !== 'RunTask');
  const agg = {};
  for (const k of kids) {
    let key = k.name;
    if (k.name === 'FunctionCall' || k.name === 'EvaluateScript' || k.name==='v8.callFunction') key += ' ' + (k.args?.data?.url ?? '').split('/').pop() + ':' + (k.args?.data?.lineNumber ?? '') + ' ' + (k.args?.data?.functionName ?? '');

    agg[key] = Math.max(agg[key] ?? 0, 0) + k.dur;
  }
  console.log(`task @${((t.ts - t0) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(0)}ms`, Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k}=${(v / 1000).toFixed(0)}`).join(' | '));
}
await b.close();
