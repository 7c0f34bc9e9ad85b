import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const header = readFileSync('data/dialogues.csv', 'utf8').split('\n')[0];

test('markup in the data is shown as text and never runs', async ({ page, consoleErrors }) => {
  const row = `x1,2025-07-17,held,"<img src=x onerror=""window.__pwned=1"">",<script>window.__pwned=2</script>,1,,islamabad,<b>bold</b>,,,s1,q,s`;
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${header}\n${row}\n` }),
  );
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(1);
  await expect(page.getByTestId('topic-chart')).toContainText('<b>bold</b>');
  await page.locator('[data-venue-id="islamabad"]').click();
  await expect(page.locator('.venue-popup')).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
  // The unknown topic is a warning, listed for the analyst.
  await expect(page.getByTestId('data-problems')).toContainText('Unknown topic');
  expect(consoleErrors).toEqual([]);
});

test('a bad row is reported with its line and column, and the rest still show', async ({ page }) => {
  const good = readFileSync('data/dialogues.csv', 'utf8').trimEnd().split('\n');
  const bad = 'bad-1,2025-02-30,held,European Union,Strategic Dialogue,1,,brussels,migration,,,s1,q,s';
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: [...good, bad].join('\n') }),
  );
  await page.goto('./');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(good.length - 1);
  const problems = page.getByTestId('data-problems');
  await problems.locator('summary').click();
  await expect(problems).toContainText(`dialogues.csv, line ${good.length + 1}, column “date”`);
  await expect(problems).toContainText('2025-02-30');
});

test('a missing data file gives a message and a retry, not a blank page', async ({ page }) => {
  await page.route('**/data/topics.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load topics.csv');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('problems are tallied in plain words: “1 error (that row is left out) and 1 warning”', async ({ page }) => {
  const good = readFileSync('data/dialogues.csv', 'utf8').trimEnd().split('\n');
  const bad = 'bad-1,2025-02-30,held,European Union,Strategic Dialogue,1,,brussels,migration,,,s1,q,s';
  const odd = 'odd-1,2025-03-01,held,European Union,Strategic Dialogue,2,,brussels,no-such-topic,,,s1,q,s';
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: [...good, bad, odd].join('\n') }),
  );
  await page.goto('./');
  const summary = page.getByTestId('data-problems').locator('summary');
  await expect(summary).toHaveText(
    'The published data files have 1 error (that row is left out) and 1 warning. Show details',
  );
  await summary.click();
  await expect(summary).toHaveText(
    'The published data files have 1 error (that row is left out) and 1 warning. Hide details',
  );
});

test('a very long topic name stays readable on a phone: wrapped, and whole on focus', async ({ page }) => {
  const long = 'Cooperation against transnational organised crime and the financing of terrorism';
  const topics = readFileSync('data/topics.csv', 'utf8').trimEnd();
  const topicHeader = topics.split('\n')[0]!.split(',');
  const cells = topicHeader.map((h) => (h === 'id' ? 'long-one' : h === 'label' ? `"${long}"` : ''));
  await page.route('**/data/topics.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${topics}\n${cells.join(',')}\n` }),
  );
  const row = `l1,2025-07-17,held,European Union,Strategic Dialogue,9,,brussels,long-one,,,s1,q,s`;
  const dialogues = readFileSync('data/dialogues.csv', 'utf8').trimEnd();
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${dialogues}\n${row}\n` }),
  );
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('./');
  const bar = page.locator('[data-testid="topic-bar"][data-topic="long-one"]');
  await expect(bar).toHaveAttribute('aria-label', new RegExp(`^${long} 1 meeting`));
  const label = page.getByTestId('topic-chart').locator('.labels text').filter({ hasText: 'against' });
  // Three lines (a phone's most), the last cut: too long for them.
  await expect(label.locator('tspan')).toHaveCount(3);
  await expect(label.locator('tspan').last()).toHaveText(/…$/);
  await bar.focus();
  const full = page.getByTestId('topic-chart').locator('.labels text.full tspan');
  // With the bar's count, which its box hides.
  expect((await full.allTextContents()).join(' ')).toBe(`${long} · 1`);
  // Every line of it inside the chart.
  const chart = (await page.getByTestId('topic-chart').boundingBox())!;
  for (const box of await full.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect)))
    expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a long topic name shown whole on focus leaves every other name whole or wholly under its panel', async ({
  page,
}) => {
  // Three lines across a wide chart, seven on a phone: more than its own row holds.
  const long =
    'Cooperation against transnational organised crime, the financing of terrorism and the laundering of its proceeds through informal channels';
  const topics = readFileSync('data/topics.csv', 'utf8').trimEnd();
  await page.route('**/data/topics.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${topics}\nlong-one,"${long}",security\n` }),
  );
  const dialogues = readFileSync('data/dialogues.csv', 'utf8').trimEnd();
  const row = `l1,2025-07-17,held,European Union,Strategic Dialogue,9,,brussels,long-one;counter-terrorism,,,s1,q,s`;
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${dialogues}\n${row}\n` }),
  );
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    const chart = page.getByTestId('topic-chart');
    await chart.locator('[data-topic="long-one"]').focus();
    const full = chart.locator('.labels text.full');
    await expect(full.locator('tspan')).toHaveCount(width === 320 ? 7 : 3);
    const m = await full.evaluate((text: SVGTextElement) => {
      const box = (e: Element) => e.getBoundingClientRect();
      const labels = text.parentElement!;
      // What is drawn for the whole name: its lines, and whatever is painted behind them over the chart
      // (a panel, or a filter's region around the text, in fractions of its box).
      const covers = [text, ...labels.querySelectorAll('.panel')].map(box);
      const filter = /url\("?#([^")]+)/.exec(getComputedStyle(text).filter)?.[1];
      const region = filter ? document.getElementById(filter) : null;
      if (region) {
        const t = box(text);
        const f = (name: string) => Number(region.getAttribute(name));
        const [x, y] = [t.left + f('x') * t.width, t.top + f('y') * t.height];
        covers.push(new DOMRect(x, y, f('width') * t.width, f('height') * t.height));
      }
      const cover = {
        left: Math.min(...covers.map((b) => b.left)),
        right: Math.max(...covers.map((b) => b.right)),
        top: Math.min(...covers.map((b) => b.top)),
        bottom: Math.max(...covers.map((b) => b.bottom)),
      };
      const others = [...labels.querySelectorAll('text.label:not(.full)')];
      return {
        // A name it reaches is wholly under it, not left cut through (half a line showing).
        cut: others
          .filter((t) => {
            const b = box(t);
            const overlaps =
              b.left < cover.right && b.right > cover.left && b.top < cover.bottom && b.bottom > cover.top;
            const under =
              b.left >= cover.left && b.right <= cover.right && b.top >= cover.top && b.bottom <= cover.bottom;
            return overlaps && !under;
          })
          .map((t) => t.textContent),
        // Drawn over them all: the panel after every other name.
        over: others.every((t) => t.compareDocumentPosition(labels.querySelector('.panel') ?? t) & 4),
        // The whole name on its panel.
        onPanel: [...text.querySelectorAll('tspan')].every((t) => {
          const b = box(t);
          return b.left >= cover.left && b.right <= cover.right && b.top >= cover.top && b.bottom <= cover.bottom;
        }),
        hidden: others.length - others.filter((t) => box(t).bottom <= cover.top || box(t).top >= cover.bottom).length,
      };
    });
    expect(m.cut, `${width}: names cut through`).toEqual([]);
    expect(m, `${width}`).toMatchObject({ over: true, onPanel: true });
    // It covers only the rows its lines need: its own, and as many neighbours as it takes lines past it.
    expect(m.hidden, `${width}`).toBeLessThanOrEqual(width === 320 ? 3 : 1);
  }
});

test('a topic name with no spaces (Latin, an Urdu hashtag, Chinese) is cut inside the label column, and shown whole on focus within the chart', async ({
  page,
}) => {
  const names = {
    'long-word': 'Counterterrorismintelligencesharingandjointoperationalcoordinationframework',
    hashtag: '#پاکستان_افغانستان_سرحدی_تعاون_اور_تجارتی_راہداری',
    chinese: '中巴经济走廊安全保障合作机制与联合反恐协调框架',
    urdu: 'منشیات کی اسمگلنگ کے خلاف مشترکہ کارروائی اور معلومات کا تبادلہ',
  };
  const topics = readFileSync('data/topics.csv', 'utf8').trimEnd();
  const added = Object.entries(names).map(([id, label]) => `${id},"${label}",security`);
  await page.route('**/data/topics.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${topics}\n${added.join('\n')}\n` }),
  );
  const dialogues = readFileSync('data/dialogues.csv', 'utf8').trimEnd();
  const row = `nw1,2025-07-17,held,European Union,Strategic Dialogue,9,,brussels,${Object.keys(names).join(';')},,,s1,q,s`;
  await page.route('**/data/dialogues.csv', (route) =>
    route.fulfill({ contentType: 'text/csv', body: `${dialogues}\n${row}\n` }),
  );
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    const chart = page.getByTestId('topic-chart');
    await expect(chart.locator('[data-topic="long-word"]')).toBeAttached();
    // The label column: from the chart's left edge to the bars' axis.
    const column = await chart
      .locator('svg')
      .first()
      .evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const bar = svg.querySelector('[data-testid="topic-bar"] .veil')!.getBoundingClientRect();
        return { left: box.left, right: bar.left };
      });
    for (const [id, name] of Object.entries(names)) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect(chart.locator('.labels text.full')).toHaveCount(0);
      const label = chart
        .locator('.labels text:not(.full)')
        .nth(
          await chart
            .locator('[data-testid="topic-bar"]')
            .evaluateAll((bars, id) => bars.findIndex((b) => b.getAttribute('data-topic') === id), id),
        );
      const drawn = (await label.locator('tspan').allTextContents()).map((l) => l.replace(/[\u2068\u2069]/g, ''));
      const shown = drawn.join('');
      const box = (await label.boundingBox())!;
      expect(box.x, `${width}: ${id} starts in the column`).toBeGreaterThanOrEqual(column.left - 0.5);
      expect(box.x + box.width, `${width}: ${id} ends before the bars`).toBeLessThanOrEqual(column.right + 0.5);
      // Cut with "…", or whole (broken between lines where it needs two).
      if (!shown.includes('…')) expect(shown.replace(/\s+/g, ''), `${width}: ${id}`).toBe(name.replace(/\s+/g, ''));
      else expect(name.replace(/\s+/g, '').startsWith(shown.replace(/\s+|…$/g, '')), `${width}: ${id}`).toBe(true);
      // On focus, a name shortened or broken is shown whole with its count, over every other name, inside the chart.
      await chart.locator(`[data-topic="${id}"]`).focus();
      if (drawn.join(' ') === name) continue;
      const full = chart.locator('.labels text.full');
      const lines = (await full.locator('tspan').allTextContents()).map((l) => l.replace(/[\u2068\u2069]/g, ''));
      expect(lines.join('').replace(/\s+/g, ''), `${width}: ${id} whole`).toBe(`${name}·1`.replace(/\s+/g, ''));
      const m = await full.evaluate((text: SVGTextElement) => {
        const svg = text.ownerSVGElement!.getBoundingClientRect();
        const spans = [...text.querySelectorAll('tspan')].map((t) => t.getBoundingClientRect());
        // Drawn after every other name: none is painted over it.
        return {
          last: text.parentElement!.lastElementChild === text,
          inChart: spans.every((s) => s.left >= svg.left - 0.5 && s.right <= svg.right + 0.5 && s.top >= svg.top - 0.5),
        };
      });
      expect(m, `${width}: ${id}`).toEqual({ last: true, inChart: true });
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
