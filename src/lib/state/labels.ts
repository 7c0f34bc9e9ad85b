import type { DatasetState } from './dataset.svelte';

/** Names for the ids in the data shown: a topic's label, a venue's name (the id where it has none). */
export class Labels {
  #data: DatasetState;

  constructor(data: DatasetState) {
    this.#data = data;
  }

  topic = (id: string): string => this.#data.dataset.topics.find((t) => t.id === id)?.label ?? id;
  venue = (id: string): string => this.#data.venueNames.get(id) ?? id;
}
