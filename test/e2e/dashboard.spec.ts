import { bundledDialogues, expect, test } from './fixtures';

const rows = bundledDialogues();

test.describe('the dashboard with the bundled data', () => {
  test('shows a marker for Brussels, Islamabad and Kabul, sized by meetings', async ({
    page,
    consoleErrors,
    foreignRequests,
  }) => {
    await page.goto('./');
    const markers = page.getByTestId('venue-map').getByTestId('venue-marker');
    await expect(markers).toHaveCount(3);
    const ids = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-venue-id')).sort());
    expect(ids).toEqual(['brussels', 'islamabad', 'kabul']);
    const size = (id: string) =>
      page.locator(`[data-venue-id="${id}"] .venue-dot`).evaluate((e) => e.getBoundingClientRect().width);
    expect(await size('islamabad')).toBeGreaterThan(await size('brussels'));
    await expect(page.locator('[data-venue-id="kabul"] .only-planned')).toHaveCount(1);
    // The offline basemap has drawn its country shapes.
    await expect(page.locator('.basemap-country').first()).toBeAttached();
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('tells Islamabad and Kabul apart at the first view, inside the map', async ({ page }) => {
    await page.goto('./');
    const map = await page.getByTestId('venue-map').boundingBox();
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
    await expect(page.getByTestId('venue-marker')).toHaveCount(3);
    await page.waitForTimeout(400); // let fitBounds settle
    const isb = await box('[data-venue-id="islamabad"] .venue-dot');
    const kbl = await box('[data-venue-id="kabul"] .venue-dot');
    const overlapX = Math.min(isb.x + isb.width, kbl.x + kbl.width) - Math.max(isb.x, kbl.x);
    const overlapY = Math.min(isb.y + isb.height, kbl.y + kbl.height) - Math.max(isb.y, kbl.y);
    expect(overlapX <= 0 || overlapY <= 0, 'the two dots do not overlap').toBe(true);
    for (const id of ['brussels', 'islamabad', 'kabul']) {
      const label = await box(`[data-venue-id="${id}"] .venue-label`);
      expect(label.x, `${id} label inside the map`).toBeGreaterThanOrEqual(map!.x);
      expect(label.x + label.width, `${id} label inside the map`).toBeLessThanOrEqual(map!.x + map!.width);
    }
  });

  test("opens a popup listing the venue's meetings", async ({ page }) => {
    await page.goto('./');
    await page.locator('[data-venue-id="islamabad"]').click();
    const popup = page.locator('.venue-popup');
    await expect(popup).toBeVisible();
    await expect(popup.locator('li')).toHaveCount(rows.filter((r) => r.venue_id === 'islamabad').length);
    await expect(popup).toContainText('Afghanistan · Additional Secretary-level talks');
    await expect(popup).toContainText('planned');
  });

  test('draws a topic bar per topic with the number of meetings that discussed it', async ({ page }) => {
    await page.goto('./');
    const expected = new Map<string, number>();
    for (const r of rows)
      for (const t of r.topics!.split(';').filter(Boolean)) expected.set(t, (expected.get(t) ?? 0) + 1);
    const bars = page.getByTestId('topic-chart').getByTestId('topic-bar');
    await expect(bars).toHaveCount(expected.size);
    const shown = await bars.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-topic'), Number(e.getAttribute('data-count'))]),
    );
    expect(new Map(shown as [string, number][])).toEqual(expected);
    // Sorted: most discussed first.
    const counts = shown.map(([, n]) => n as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('draws a cadence mark per meeting with its status', async ({ page }) => {
    await page.goto('./');
    const marks = page.getByTestId('cadence-chart').getByTestId('cadence-mark');
    await expect(marks).toHaveCount(rows.length);
    const shown = await marks.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-dialogue-id'), e.getAttribute('data-status')]),
    );
    expect(new Map(shown as [string, string][])).toEqual(new Map(rows.map((r) => [r.id!, r.status!])));
    await expect(page.getByTestId('cadence-chart').locator('.gap text')).toHaveText(['14 mo', '15 mo']);
  });

  test('charts follow the width of their containers', async ({ page }) => {
    await page.goto('./');
    const svgWidth = () =>
      page
        .getByTestId('cadence-chart')
        .locator('svg')
        .evaluate((e) => e.getBoundingClientRect().width);
    await expect(page.getByTestId('cadence-mark').first()).toBeVisible();
    const wide = await svgWidth();
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(svgWidth).toBeLessThan(wide - 200);
    // No sideways scrolling at the narrower size.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  });
});
