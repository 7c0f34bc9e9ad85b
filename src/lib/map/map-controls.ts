import L from 'leaflet';
import { offlineBasemap, openStreetMapLayer } from './basemap';

/**
 * The map's own furniture: the offline basemap and the layer switcher (offline or OpenStreetMap),
 * a report of the area on screen after each move, and Escape to close a popup. Returns the cleanup.
 */
export function addMapControls(
  m: L.Map,
  report: (bounds: [[number, number], [number, number]]) => void,
  onbasemapfail: () => void,
): () => void {
  // The offline basemap group exists from the start so the layer switcher can offer it at once.
  const offline = L.layerGroup().addTo(m);
  const control = L.control
    .layers({ 'Offline map (Natural Earth)': offline, 'OpenStreetMap (online)': openStreetMapLayer() }, undefined, {
      position: 'topright',
    })
    .addTo(m);
  const stopBasemap = offlineBasemap(m, offline, onbasemapfail);
  const moved = () => {
    const b = m.getBounds();
    report([
      [b.getSouth(), b.getWest()],
      [b.getNorth(), b.getEast()],
    ]);
  };
  m.on('moveend', moved);
  // Escape closes an open popup wherever focus is in the map (on a marker, in the popup);
  // Leaflet's own handler only listens while the map itself has focus.
  let popupOpen = false;
  const opened = () => (popupOpen = true);
  const closed = () => (popupOpen = false);
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !popupOpen) return;
    e.preventDefault();
    m.closePopup();
  };
  m.on('popupopen', opened);
  m.on('popupclose', closed);
  m.getContainer().addEventListener('keydown', onEscape);
  return () => {
    stopBasemap();
    m.off('popupopen', opened);
    m.off('popupclose', closed);
    m.getContainer().removeEventListener('keydown', onEscape);
    m.off('moveend', moved);
    control.remove();
    offline.remove();
  };
}
