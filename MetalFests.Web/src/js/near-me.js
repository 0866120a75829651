// "Festivals near me": the reader's position (asked of the browser, never stored), the API's
// festivals nearest first (`near=`), listed with their distances and shown on the map.
import { festivalsNear } from "./api.js";
import { el } from "./dom.js";

const shown = 10;

export function nearMe(root, { onResults, onFestival }) {
  const button = root.querySelector(".near-me-button");
  const status = root.querySelector(".near-status");
  const list = root.querySelector(".near-list");

  button.addEventListener("click", () => {
    if (!navigator.geolocation) {
      status.textContent = "This browser cannot tell where you are.";
      return;
    }
    status.textContent = "Finding festivals near you…";
    navigator.geolocation.getCurrentPosition(async ({ coords }) => {
      try {
        const rows = await festivalsNear(coords.latitude, coords.longitude);
        status.textContent = rows.length ? "" : "No festival near you yet.";
        list.replaceChildren(...rows.slice(0, shown).map((row) => el("li", {},
          el("button", { type: "button", class: "near-festival", onclick: (e) => onFestival(row.festivalKey, e.currentTarget) }, row.festivalName),
          ` ${Math.round(row.distanceKm)} km`)));
        onResults(rows);
      } catch {
        status.textContent = "";
      }
    }, () => {
      status.textContent = "Your position is not available (allow location access to see festivals near you).";
    }, { maximumAge: 600_000, timeout: 10_000 });
  });
}
