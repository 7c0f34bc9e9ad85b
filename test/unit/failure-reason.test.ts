import { describe, expect, it } from 'vitest';
import { failureReason } from '../../src/lib/data/failure-reason';

describe('failureReason', () => {
  it('words a part of the app that could not be fetched alike in every browser, without its address', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: https://example.org/assets/briefing-B4aZIWGz.js', // Chromium
      'error loading dynamically imported module: https://example.org/assets/briefing-B4aZIWGz.js', // Firefox
      'Importing a module script failed.', // Safari
      'Unable to preload CSS for /assets/DataTable-Cx1.css', // Vite, a part's styles
    ])
      expect(failureReason(new TypeError(message))).toMatch(
        /^part of the app could not be loaded\. Check the connection/,
      );
  });

  it('words a dropped connection, and keeps any other message as it is', () => {
    expect(failureReason(new TypeError('Failed to fetch'))).toBe('the connection failed. Check it and try again');
    expect(failureReason(new TypeError('Load failed'))).toBe('the connection failed. Check it and try again');
    expect(failureReason(new Error('The chart has no rows.'))).toBe('The chart has no rows.');
    expect(failureReason('plain')).toBe('plain');
  });
});
