import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportSettings } from '../../src/lib/state/export-settings.svelte';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('ExportSettings', () => {
  it('starts in the page’s theme and follows it until the other theme is picked', () => {
    document.documentElement.dataset.theme = 'dark';
    const settings = new ExportSettings();
    expect(settings.theme).toBe('dark');
    settings.theme = 'light';
    expect(settings.preset.theme).toBe('light');
    settings.theme = 'dark'; // the page's own again: back to following the page
    document.documentElement.dataset.theme = 'light';
    flushSync();
    expect(settings.theme).toBe('light');
  });

  it('remembers shape, size, background and a chosen theme across page loads', () => {
    const first = new ExportSettings();
    first.ratio = '4:3';
    first.scale = 2;
    first.background = 'transparent';
    first.theme = 'dark';
    const again = new ExportSettings();
    expect(again.preset).toEqual({ ratio: '4:3', scale: 2, background: 'transparent', theme: 'dark' });
  });

  it('ignores what it cannot read back', () => {
    localStorage.setItem('dialogue-atlas:slide', '{"ratio":"21:9","scale":7,"theme":"sepia"');
    expect(new ExportSettings().preset).toEqual({ ratio: '16:9', scale: 1, background: 'solid', theme: 'light' });
    localStorage.setItem('dialogue-atlas:slide', '{"ratio":"21:9","scale":7,"theme":"sepia"}');
    expect(new ExportSettings().preset).toEqual({ ratio: '16:9', scale: 1, background: 'solid', theme: 'light' });
  });
  it('gives embeds the light theme until another is picked, whatever the page or slide theme, and remembers the pick', () => {
    // A dark page (or dark slides) said nothing of the page an embed goes into: most are light.
    document.documentElement.dataset.theme = 'dark';
    const first = new ExportSettings();
    first.theme = 'dark';
    expect(first.embedTheme).toBe('light');
    first.embedTheme = 'system';
    expect(new ExportSettings().embedTheme).toBe('system');
    first.embedTheme = 'dark';
    const again = new ExportSettings();
    expect(again.embedTheme).toBe('dark');
    // The slide settings are their own.
    expect(again.preset.theme).toBe('dark');
    again.theme = 'light';
    expect(new ExportSettings().embedTheme).toBe('dark');
    localStorage.setItem('dialogue-atlas:slide', '{"embedTheme":"sepia"}');
    expect(new ExportSettings().embedTheme).toBe('light');
  });
});
