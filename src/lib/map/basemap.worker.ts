/// <reference lib="webworker" />
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { unwrapGeometry } from './antimeridian';

/**
 * Fetches a world-atlas topology and turns it into GeoJSON country shapes, off the page's main
 * thread (1:50m is ~750 KB of TopoJSON and ~100,000 points). Message in: the absolute URL.
 * Message out: { shapes } or { error }.
 */
self.onmessage = async (event: MessageEvent<string>) => {
  try {
    const response = await fetch(event.data);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
    const shapes = feature(topology, topology.objects.countries) as FeatureCollection;
    for (const f of shapes.features) if (f.geometry) f.geometry = unwrapGeometry(f.geometry);
    self.postMessage({ shapes });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
