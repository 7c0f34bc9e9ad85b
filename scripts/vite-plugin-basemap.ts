import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from './basemap-shapes.ts';

const ID = 'virtual:basemap-overview';
const RESOLVED = '\0' + ID;
const DEV_PATH = '/@basemap/countries-110m.geojson';

/**
 * `import overviewUrl from 'virtual:basemap-overview'`: the URL of the map's overview shapes,
 * Natural Earth 1:110m countries (world-atlas) converted to small GeoJSON at build time. A build
 * emits them as a hashed asset; the briefing build inlines them as a data: URL (it opens from
 * disk); the dev server serves them itself.
 */
export function basemapOverview(options: { inline: boolean }): Plugin {
  let json: string | null = null;
  const shapes = () => {
    if (json === null) {
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
      const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
      json = JSON.stringify(basemapGeoJson(topology, 2));
    }
    return json;
  };
  let serve = false;
  return {
    name: 'dialogue-atlas:basemap-overview',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      if (serve) return `export default ${JSON.stringify(DEV_PATH)};`;
      if (options.inline) {
        const url = `data:application/geo+json;base64,${Buffer.from(shapes()).toString('base64')}`;
        return `export default ${JSON.stringify(url)};`;
      }
      const ref = this.emitFile({ type: 'asset', name: 'countries-110m.geojson', source: shapes() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== DEV_PATH) return next();
        res.setHeader('Content-Type', 'application/geo+json');
        res.end(shapes());
      });
    },
  };
}
