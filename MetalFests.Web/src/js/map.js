// The map: Leaflet (loaded only when the map is first shown), one marker per festival with
// coordinates from /api/festivals.geojson; hovering shows the name, a click opens the festival.
import { festivalsGeoJson } from "./api.js";
import { el } from "./dom.js";

const leafletScript = "../vendor/leaflet/leaflet.js";
const leafletStyles = "../vendor/leaflet/leaflet.css";
const markerImage = "img/metal-fests.png"; // the address the existing browser suite expects (frontend.md)
const europe = { center: [50, 10], zoom: 4 };

function loadStyles(href) {
  return new Promise((resolve) => {
    const link = el("link", { rel: "stylesheet", href });
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
    document.head.append(link);
  });
}

/** @param onFestival called with (festivalKey, marker element) on a click. */
export async function festivalMap(container, onFestival) {
  await Promise.all([import(leafletScript), loadStyles(leafletStyles)]);
  const L = globalThis.L;
  const tiles = document.querySelector('meta[name="metalfests:tiles"]')?.content;
  const map = L.map(container, { zoomControl: true }).setView(europe.center, europe.zoom);
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' }).addTo(map);
  }

  const { features } = await festivalsGeoJson();
  const markers = new Map();
  for (const feature of features) {
    const [lng, lat] = feature.geometry.coordinates;
    const row = feature.properties;
    const icon = L.divIcon({
      className: "custom-marker",
      html: el("img", { src: markerImage, alt: row.festivalName, width: 32, height: 32 }),
      iconSize: [32, 32], iconAnchor: [16, 32], popupAnchor: [0, -30],
    });
    const marker = L.marker([lat, lng], { icon, title: row.festivalName, riseOnHover: true })
      .bindPopup(el("span", { class: "marker-popup" }, row.festivalName), { closeButton: false, autoPan: false });
    marker.on("mouseover", () => marker.openPopup());
    marker.on("mouseout", () => marker.closePopup());
    marker.on("click", () => onFestival(row.festivalKey, marker.getElement()));
    markers.set(row.festivalKey, marker.addTo(map));
  }
  if (markers.size) map.fitBounds(L.featureGroup([...markers.values()]).getBounds(), { padding: [30, 30] });

  return {
    /** Keeps only the markers of festivals whose row passes `matches`. */
    filter(matches, rowOf) {
      for (const [key, marker] of markers) {
        const row = rowOf(key);
        // Before the list has loaded, every marker stays.
        if (!row || matches(row)) marker.addTo(map);
        else marker.remove();
      }
    },
    /** Festivals near the reader ({festivalKey, festivalName, distanceKm}): the distance in each popup. */
    showDistances(rows) {
      for (const row of rows) {
        markers.get(row.festivalKey)?.setPopupContent(el("span", { class: "marker-popup" }, `${row.festivalName} — ${Math.round(row.distanceKm)} km`));
      }
    },
    /** Leaflet measures its box when shown. */
    resize: () => map.invalidateSize(),
  };
}
