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

  /** Another tab's choice, as it is made (a tab's own writes raise no `storage` event in it); storage cleared, the system's. */
  onstorage = (e: StorageEvent): void => {
    if (e.key === KEY || e.key === null) this.preference = readPreference();
  };
}

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
