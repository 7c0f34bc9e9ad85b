import { generateDataset } from '../../scripts/bench/generate-data.js';
import { expect, test } from './fixtures';

// Thousands of meetings and hundreds of venues: the timeline becomes density strips, the map canvas circles.
const data = generateDataset({ meetings: 4000, venues: 600, partners: 6, topics: 15, seed: 3 });
const files: Record<string, string> = {
  'dialogues.csv': data.dialogues,
  'venues.geojson': data.venues,
  'topics.csv': data.topics,
  'sources.csv': data.sources,
};

test('many meetings and venues: density timeline, canvas map, filters still work', async ({ page, consoleErrors }) => {
  await page.route('**/data/*', (route) =>
    route.fulfill({ body: files[new URL(route.request().url()).pathname.split('/').pop() ?? ''] ?? '' }),
  );
  await page.goto('./');
  const cadence = page.getByTestId('cadence-chart');
  await expect(cadence.locator('[data-mode="density"]')).toBeVisible();
  await expect(cadence.locator('.dense-note')).toContainText('4,000 meetings');
  await cadence.getByRole('button', { name: 'Alt text' }).click();
  await expect(cadence.getByTestId('alt-text')).toContainText('Timeline of 4,000 meetings');
  await expect(page.getByTestId('cadence-mark')).toHaveCount(0);
  await expect(page.locator('.venue-map canvas').first()).toBeAttached();
  await expect(page.getByTestId('topic-bar')).toHaveCount(15);

  // The strip has coloured pixels, and a filter changes them.
  const inked = () =>
    cadence
      .locator('canvas')
      .last()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
        return n;
      });
  expect(await inked()).toBe(0); // the foreground holds only filtered meetings
  await page.locator('[data-testid="topic-bar"]').first().click();
  await expect.poll(inked).toBeGreaterThan(0);
  const count = await page.locator('.count strong').textContent();
  expect(Number(count?.replace(/,/g, ''))).toBeGreaterThan(100);
  expect(consoleErrors).toEqual([]);
});
