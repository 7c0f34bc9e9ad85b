/** The URL of the map's overview shapes (scripts/vite-plugin-basemap.ts). */
declare module 'virtual:basemap-overview' {
  const url: string;
  export default url;
}
