import { render } from 'svelte/server';
import AppShell from './AppShell.svelte';

/** Run at build time, in Node (scripts/vite-plugin-app-shell.ts): the app's first frame as HTML. */
export function renderShell(): string {
  return render(AppShell).body;
}
