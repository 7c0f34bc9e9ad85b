import { test as base, expect, type ConsoleMessage, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * The day every test runs on. What is overdue and when a track is next expected depend on
 * today's date, so a suite run on the real clock passes one month and fails the next.
 */
export const TEST_TODAY = new Date('2026-11-21T12:00:00Z');

/**
 * Makes the page's clock read `day` from its next load on, still running. Written here
 * because Playwright's clock does not offer it: `setFixedTime` holds `Date` still, which
 * stops Leaflet's pans (they time themselves by `Date`), and `install` also takes over
 * the timers, which batches the app's sliced work into long tasks. Only `Date` is moved.
 */
export async function startClockOn(page: Page, day: Date): Promise<void> {
  await page.addInitScript((target: number) => {
    const RealDate = Date;
    const offset = target - RealDate.now();
    const now = () => RealDate.now() + offset;
    // A function, not a subclass, so that `Date()` called without `new` still gives a string.
    function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
      if (!new.target) return new RealDate(now()).toString();
      return args.length === 0 ? new RealDate(now()) : new (RealDate as new (...a: unknown[]) => Date)(...args);
    }
    ShiftedDate.prototype = RealDate.prototype;
    Object.assign(ShiftedDate, { now, parse: RealDate.parse, UTC: RealDate.UTC });
    globalThis.Date = ShiftedDate as unknown as DateConstructor;
  }, day.getTime());
}

/**
 * A page on `today` ({@link TEST_TODAY} unless a test says otherwise) that records console errors
 * and every request that leaves the app's origin, so each test can assert the dashboard is quiet
 * and self-contained. A test that times the app's own tasks and does not depend on the date sets
 * `today: null`, so that the shifted `Date` (a little dearer per date made) is not in what it times.
 */
export const test = base.extend<{ today: Date | null; consoleErrors: string[]; foreignRequests: string[] }>({
  today: [TEST_TODAY, { option: true }],
  page: async ({ page, today }, use) => {
    if (today) await startClockOn(page, today);
    await use(page);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  foreignRequests: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r: Request) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await use(foreign);
  },
});
export { expect };

/** The bundled dialogues.csv, read independently of the app's parser. */
export function bundledDialogues(): Record<string, string>[] {
  const text = readFileSync('data/dialogues.csv', 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Uploads the four files of test/fixtures/all-new-five-partners (40 meetings, 12 venues, one of them a published one). */
export async function uploadAllNewFivePartners(page: Page): Promise<void> {
  const dir = 'test/fixtures/all-new-five-partners';
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles(['dialogues.csv', 'venues.geojson', 'topics.csv', 'sources.csv'].map((f) => `${dir}/${f}`));
}

/** Uploads the all-new data (above) and applies it, confirming the removal of every meeting shown. */
export async function applyAllNewFivePartners(page: Page): Promise<void> {
  await uploadAllNewFivePartners(page);
  await page.getByTestId('upload-apply').click();
  await page.getByTestId('upload-apply').click();
  await expect(page.getByTestId('cadence-mark')).toHaveCount(40);
}

/** Closing the page asks first (the browser's "Leave site?"): answered "stay", the page stays open. */
export async function expectAskedOnLeaving(page: Page): Promise<void> {
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // stay
  expect(page.isClosed()).toBe(false);
}

/** Closing the page does not ask: it closes. */
export async function expectLeavesWithoutAsking(page: Page): Promise<void> {
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

/**
 * The published dialogues.csv and 1,200 more meetings held in Islamabad (China's rounds 101 to
 * 1,300, a day apart from 2020), uploaded (not yet applied): counts in the thousands at one venue.
 */
export async function uploadIslamabadThousands(page: Page): Promise<void> {
  const bundled = readFileSync('data/dialogues.csv', 'utf8').trimEnd();
  const day = (k: number) => new Date(Date.UTC(2020, 0, 1 + k)).toISOString().slice(0, 10);
  const rows = Array.from(
    { length: 1_200 },
    (_, k) =>
      `cn-test-${k},${day(k)},held,China,Test Dialogue,${101 + k},,islamabad,counter-terrorism,,,s1,a test round,A test round.`,
  );
  await page
    .getByTestId('upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'dialogues.csv', mimeType: 'text/csv', buffer: Buffer.from([bundled, ...rows].join('\n')) });
}
