import { pageTheme } from './page-theme.svelte';
import { DEFAULT_PRESET, type SlidePreset } from './slide-preset';

const KEY = 'dialogue-atlas:slide';

/** What is remembered of the Slide settings: the theme only when it differs from the page's. */
interface Stored {
  ratio: SlidePreset['ratio'];
  scale: SlidePreset['scale'];
  background: SlidePreset['background'];
  /** null: follow the page's theme. */
  theme: SlidePreset['theme'] | null;
  /** The theme an embed is given; 'system': each visitor's own. */
  embedTheme: EmbedTheme;
}

export type EmbedTheme = 'light' | 'dark' | 'system';

function read(storage: Storage | null): Stored {
  const fallback: Stored = { ...DEFAULT_PRESET, theme: null, embedTheme: 'light' };
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Stored> | null;
    if (!raw || typeof raw !== 'object') return fallback;
    return {
      ratio: raw.ratio === '4:3' ? '4:3' : '16:9',
      scale: raw.scale === 2 ? 2 : 1,
      background: raw.background === 'transparent' ? 'transparent' : 'solid',
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : null,
      embedTheme: raw.embedTheme === 'dark' || raw.embedTheme === 'system' ? raw.embedTheme : 'light',
    };
  } catch {
    return fallback;
  }
}

const storageOrNull = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/**
 * The Slide settings shared by every view's export buttons, remembered on this device. The
 * export theme follows the page's theme unless the presenter picks the other one. Also which
 * export popover is open: one at a time across the page.
 */
export class ExportSettings {
  #storage = storageOrNull();
  #stored = $state<Stored>(read(this.#storage));
  /** `topics:slide`, `map:embed`…, or null. */
  open = $state<string | null>(null);

  get pageTheme(): 'light' | 'dark' {
    return pageTheme();
  }

  #save(change: Partial<Stored>) {
    this.#stored = { ...this.#stored, ...change };
    try {
      this.#storage?.setItem(KEY, JSON.stringify(this.#stored));
    } catch {
      // Storage may be off (private mode): the choice then lasts for this page only.
    }
  }

  get ratio() {
    return this.#stored.ratio;
  }
  set ratio(ratio: SlidePreset['ratio']) {
    this.#save({ ratio });
  }
  get scale() {
    return this.#stored.scale;
  }
  set scale(scale: SlidePreset['scale']) {
    this.#save({ scale });
  }
  get background() {
    return this.#stored.background;
  }
  set background(background: SlidePreset['background']) {
    this.#save({ background });
  }
  get theme(): SlidePreset['theme'] {
    return this.#stored.theme ?? this.pageTheme;
  }
  set theme(theme: SlidePreset['theme']) {
    this.#save({ theme: theme === this.pageTheme ? null : theme });
  }

  /**
   * The theme an embed is given, picked in its Embed card. Light until another is picked: the presenter
   * knows the page it goes into, most are light, and neither the visitor's system nor this page's theme
   * says anything about that page.
   */
  get embedTheme() {
    return this.#stored.embedTheme;
  }
  set embedTheme(embedTheme: EmbedTheme) {
    this.#save({ embedTheme });
  }

  get preset(): SlidePreset {
    return { ratio: this.ratio, scale: this.scale, background: this.background, theme: this.theme };
  }
}
