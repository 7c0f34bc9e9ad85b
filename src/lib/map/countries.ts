import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';

let cached: Promise<FeatureCollection> | null = null;

/** Natural Earth country shapes (1:50m) from world-atlas, served from our own origin; fetched once. */
export function loadCountries(fetcher: typeof fetch = fetch): Promise<FeatureCollection> {
  cached ??= (async () => {
    const response = await fetcher(countriesUrl);
    if (!response.ok) throw new Error(`Could not load the basemap: the server answered ${response.status}.`);
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries);
  })();
  cached.catch(() => (cached = null));
  return cached;
}
