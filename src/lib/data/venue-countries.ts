import { geoContains } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-110m.json';
import type { Venue } from './schema';

/**
 * Whether a venue's point lies in the country its row names (Natural Earth 1:110m outlines), as
 * the upload's check (ingest/upload-checks.ts) and the data panel's note on the data shown ask it.
 * Run in workers only (the upload's, and state/venue-countries.worker.ts): it carries the outlines.
 */

/** Country names as analysts write them → the names of the Natural Earth shapes. */
const ALIASES: Record<string, string> = {
  'united states': 'united states of america',
  usa: 'united states of america',
  us: 'united states of america',
  uk: 'united kingdom',
  'great britain': 'united kingdom',
  uae: 'united arab emirates',
  'czech republic': 'czechia',
  'bosnia and herzegovina': 'bosnia and herz.',
  'ivory coast': "côte d'ivoire",
  'democratic republic of the congo': 'dem. rep. congo',
  'dr congo': 'dem. rep. congo',
  türkiye: 'turkey',
  turkiye: 'turkey',
  'republic of korea': 'south korea',
  "democratic people's republic of korea": 'north korea',
  'russian federation': 'russia',
  'islamic republic of iran': 'iran',
};

let shapes: Map<string, Feature> | null = null;
function countryShapes(): Map<string, Feature> {
  if (!shapes) {
    const topology = countriesTopology as unknown as Topology<{ countries: GeometryCollection }>;
    const all = feature(topology, topology.objects.countries) as FeatureCollection;
    shapes = new Map(all.features.map((f) => [String(f.properties?.name ?? '').toLowerCase(), f]));
  }
  return shapes;
}

/**
 * The country's shape, by the name a row gives (null for a name we do not know: small states
 * are not in the 1:110m shapes, and an unknown name is not a reason to warn about the point).
 */
function shapeOf(country: string): Feature | null {
  const key = country.trim().toLowerCase();
  if (key === '') return null;
  const all = countryShapes();
  return all.get(ALIASES[key] ?? key) ?? null;
}

/**
 * Whether the point lies in the country, allowing half a degree: the 1:110m shapes are coarse,
 * and a coastal city (Doha, Karachi) may sit just outside their coastline.
 */
export function inCountry(shape: Feature, lon: number, lat: number): boolean {
  const near = [0, 0.25, -0.25, 0.5, -0.5];
  for (const dx of near) for (const dy of near) if (geoContains(shape, [lon + dx, lat + dy])) return true;
  return false;
}

/**
 * Where a venue's point stands to the country its row names: inside it (or a country the outlines
 * do not know: nothing to say), outside it, or outside it but inside read the other way round
 * (latitude for longitude): `swapped`.
 */
export function placement(v: Pick<Venue, 'country' | 'lon' | 'lat'>): 'inside' | 'outside' | 'swapped' {
  const shape = shapeOf(v.country);
  if (!shape || inCountry(shape, v.lon, v.lat)) return 'inside';
  return Math.abs(v.lon) <= 90 && inCountry(shape, v.lat, v.lon) ? 'swapped' : 'outside';
}

/** The venues placed outside the country their row names, each with whether its numbers look swapped. */
export function placedOutside<V extends Pick<Venue, 'country' | 'lon' | 'lat'>>(
  venues: readonly V[],
): { venue: V; swapped: boolean }[] {
  return venues.flatMap((venue) => {
    const where = placement(venue);
    return where === 'inside' ? [] : [{ venue, swapped: where === 'swapped' }];
  });
}
