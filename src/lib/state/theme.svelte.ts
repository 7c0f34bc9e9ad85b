import { THEME_KEY as KEY } from './theme-key';

export type ThemePreference = 'system' | 'light' | 'dark';

/** The viewer's colour theme: follows the system unless they choose; remembered on this device. */
export class ThemeState {
  preference = $state<ThemePreference>(readPreference());

  set(preference: ThemePreference): void {
    this.preference = preference;
    try {
      localStorage.setItem(KEY, preference);
    } catch {
      // Storage may be off (private mode): the choice then lasts for this page only.
    }
  }
}

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
