import { DEFAULT_PRESET, type SlidePreset } from '../export/slide';

/** The slide preset chosen for exports, shared by every view's export buttons. */
export class ExportSettings {
  preset = $state<SlidePreset>({ ...DEFAULT_PRESET });
}
