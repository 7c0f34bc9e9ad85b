import { test as base, expect, type ConsoleMessage, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * A page that records console errors and every request that leaves the app's origin,
 * so each test can assert the dashboard is quiet and self-contained.
 */
export const test = base.extend<{ consoleErrors: string[]; foreignRequests: string[] }>({
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
