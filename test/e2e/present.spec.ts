import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await click();
  const download: Download = await wait;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test.describe('export', () => {
  for (const [container, view] of [
    ['topic-chart', 'topics'],
    ['cadence-chart', 'cadence'],
    ['venue-map', 'map'],
  ] as const) {
    test(`${view}: a self-contained SVG slide with title, filters, legend, source and alt text`, async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('./#/?partner=United%20States');
      await expect(page.getByTestId('venue-marker')).toHaveCount(3);
      const { name, bytes } = await saved(page, () => page.getByTestId(container).getByTestId('export-svg').click());
      expect(name).toBe(`dialogue-atlas-${view}-16x9.svg`);
      const svg = bytes.toString('utf8');
      expect(svg).not.toMatch(/<script|foreignObject|<style|url\(|(?:src|href)="https?:/i);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          title: doc.querySelector('svg > title')?.textContent,
          desc: doc.querySelector('svg > desc')?.textContent,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(parsed.title).toMatch(/Pakistan’s security dialogues/);
      expect(parsed.desc!.length).toBeGreaterThan(40);
      expect(parsed.texts).toContain('Partner: United States');
      expect(
        parsed.texts.some((t) =>
          t?.startsWith('Source: Dialogue Atlas, bundled data, from 3 news articles; data as of'),
        ),
      ).toBe(true);
      const alt = await page.getByTestId(container).getByTestId('alt-text').textContent();
      expect(parsed.desc).toBe(alt);
      expect(consoleErrors).toEqual([]);
    });
  }

  test('PNG presets: 16:9 1× is 1920×1080; 4:3 2× is 2880×2160, transparent and dark when asked', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    const first = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-png').click());
    expect(first.name).toBe('dialogue-atlas-topics-16x9.png');
    expect(pngSize(first.bytes)).toEqual({ width: 1920, height: 1080 });

    const tools = page.getByTestId('topic-chart').getByRole('toolbar');
    await tools.getByText('Slide').click();
    await tools.getByLabel('4:3 (1440×1080)').check();
    await tools.getByLabel('2×').check();
    await tools.getByLabel('Transparent').check();
    await tools.getByLabel('Dark').check();
    const second = await saved(page, () => page.getByTestId('topic-chart').getByTestId('export-png').click());
    expect(second.name).toBe('dialogue-atlas-topics-4x3.png');
    expect(pngSize(second.bytes)).toEqual({ width: 2880, height: 2160 });
    // A corner pixel is fully transparent; the title's pixels are light (dark theme).
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const corner = [...ctx.getImageData(2, 2, 1, 1).data];
      const title = ctx.getImageData(144, 150, 800, 90).data;
      let brightest = 0;
      for (let i = 0; i < title.length; i += 4)
        brightest = Math.max(brightest, title[i]! + title[i + 1]! + title[i + 2]!);
      return { corner, brightest };
    }, second.bytes.toString('base64'));
    expect(pixels.corner[3]).toBe(0);
    expect(pixels.brightest).toBeGreaterThan(600);
  });
});

test.describe('embeds', () => {
  for (const size of [
    { width: 300, height: 250 },
    { width: 1280, height: 720 },
  ]) {
    for (const view of ['topics', 'cadence', 'map'] as const) {
      test(`#/embed/${view} fills a ${size.width}×${size.height} iframe with no chrome and no scrollbars`, async ({
        page,
        baseURL,
      }) => {
        await page.setContent(
          `<iframe src="${baseURL}#/embed/${view}?partner=Afghanistan&theme=dark" width="${size.width}" height="${size.height}" style="border:0"></iframe>`,
        );
        const frame = page.frameLocator('iframe');
        await expect(frame.getByTestId('embed-view')).toBeVisible();
        await expect(frame.locator('.filter-bar, .site-header, footer, [data-testid="export-svg"]')).toHaveCount(0);
        const target = { topics: 'topic-bar', cadence: 'cadence-mark', map: 'venue-marker' }[view];
        await expect(frame.getByTestId(target).first()).toBeAttached();
        // Filters come from the URL: non-Afghan marks are dimmed.
        if (view !== 'map')
          await expect(frame.locator(`[data-testid="${target}"][data-dimmed="true"]`).first()).toBeAttached();
        const metrics = await frame.locator('html').evaluate((html) => ({
          overflowX: html.scrollWidth - html.clientWidth,
          overflowY: html.scrollHeight - html.clientHeight,
          background: getComputedStyle(document.querySelector('[data-testid="embed-view"]')!).backgroundColor,
        }));
        expect(metrics.overflowX).toBeLessThanOrEqual(0);
        expect(metrics.overflowY).toBeLessThanOrEqual(0);
        expect(metrics.background).toBe('rgb(26, 32, 41)');
        const box = (await frame.getByTestId(target).first().boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y).toBeLessThanOrEqual(size.height);
      });
    }
  }

  test('the Embed action gives an iframe snippet for the view and its filters', async ({ page, baseURL }) => {
    await page.goto('./#/?topic=migration&status=planned');
    const code = page.getByTestId('cadence-chart').getByTestId('embed-code');
    await page.getByTestId('cadence-chart').getByText('Embed', { exact: true }).click();
    await expect(code).toBeVisible();
    await expect(code).toHaveText(
      `<iframe src="${baseURL}#/embed/cadence?topic=migration&status=planned" width="800" height="500" style="border:0" title="How regularly Pakistan’s security dialogues meet" loading="lazy"></iframe>`,
    );
  });
});

test.describe('presentation view', () => {
  test('one view full screen with large type; arrows step through the views; Escape leaves', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('topic-bar').first()).toBeVisible();
    await page.getByTestId('topic-chart').getByRole('button', { name: 'Present' }).click();
    const view = page.getByTestId('present-view');
    await expect(view).toHaveAttribute('data-view', 'topics');
    const labelSize = await page
      .locator('[data-testid="topic-chart"] .label')
      .first()
      .evaluate((t) => t.getBoundingClientRect().height);
    expect(labelSize).toBeGreaterThan(17); // 12 px type scaled up
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'cadence');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-view', 'map');
    await page.keyboard.press('ArrowLeft');
    await expect(view).toHaveAttribute('data-view', 'cadence');
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(page.getByTestId('cadence-chart')).toBeVisible();
  });
});
