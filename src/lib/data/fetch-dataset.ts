import type { DatasetTexts } from './dataset';
import { DATA_FILES, type DataFileKind } from './schema';

/**
 * Fetches the four data files from `baseUrl` (the served `data/` folder). Rejects with a
 * message that names the file and what went wrong.
 */
export async function fetchDatasetTexts(baseUrl: string, fetcher: typeof fetch = fetch): Promise<DatasetTexts> {
  const kinds = Object.keys(DATA_FILES) as DataFileKind[];
  const texts = await Promise.all(
    kinds.map(async (kind) => {
      const name = DATA_FILES[kind];
      let response: Response;
      try {
        response = await fetcher(new URL(name, baseUrl).href);
      } catch {
        throw new Error(`Could not reach ${name}: the network request failed.`);
      }
      if (!response.ok) {
        throw new Error(`Could not load ${name}: the server answered ${response.status} ${response.statusText}`.trim() + '.');
      }
      return response.text();
    }),
  );
  return Object.fromEntries(kinds.map((kind, i) => [kind, texts[i]])) as DatasetTexts;
}
