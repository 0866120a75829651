// The filters: text search (name, location or country), favourites only, and festivals featuring
// chosen bands. `onChange` receives a predicate over festival list rows.
import { bandFestivals, findBands } from "./api.js";
import { debounce, el } from "./dom.js";
import { allFavourites, isFavourite } from "./favourites.js";

const searchDelayMs = 250;

export function filters(root, onChange) {
  const search = root.querySelector(".search-filter-input");
  const favouritesButton = root.querySelector(".filter-button");
  const bandsToggle = root.querySelector(".bands-filter-toggle");
  const bandsPanel = root.querySelector(".bands-filter-panel");
  const bandsSearch = root.querySelector(".bands-filter-search");
  const bandsList = root.querySelector(".bands-filter-list");
  const bandsCount = root.querySelector(".bands-filter-count");
  const known = new Map(); // band key -> name: bands seen on loaded line-ups or found by search
  const chosen = new Map(); // band key -> Set of festival keys featuring it
  let text = "";
  let favouritesOnly = false;

  const normalise = (s) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
  const matches = (row) =>
    (!text || normalise(`${row.festivalName} ${row.location}`).includes(text))
    && (!favouritesOnly || isFavourite(row.festivalKey))
    && (chosen.size === 0 || [...chosen.values()].some((festivals) => festivals.has(row.festivalKey)));
  const changed = () => onChange(matches);

  search.addEventListener("input", debounce(() => {
    text = normalise(search.value.trim());
    changed();
  }, searchDelayMs));

  favouritesButton.addEventListener("click", () => {
    favouritesOnly = !favouritesOnly;
    favouritesButton.classList.toggle("active", favouritesOnly);
    favouritesButton.setAttribute("aria-pressed", String(favouritesOnly));
    changed();
  });

  function renderBands(keys) {
    const items = [...new Set([...chosen.keys(), ...keys])]
      .filter((key) => known.has(key))
      .sort((a, b) => (chosen.has(b) - chosen.has(a)) || known.get(a).localeCompare(known.get(b)))
      .slice(0, 60)
      .map((key) => el("li", { class: "bands-filter-item" },
        el("label", {},
          el("input", { type: "checkbox", value: key, checked: chosen.has(key), onchange: (e) => choose(key, e.target.checked, e.target) }),
          ` ${known.get(key)}`)));
    bandsList.replaceChildren(...items);
    if (!items.length) bandsList.append(el("li", { class: "bands-filter-none" }, "Type a band's name to find it."));
  }

  async function choose(key, on, checkbox) {
    if (on) {
      try {
        const { festivals } = await bandFestivals(key);
        chosen.set(key, new Set(festivals.map((f) => f.festivalKey)));
      } catch {
        checkbox.checked = false; // the outage message says why
        return;
      }
    } else {
      chosen.delete(key);
    }
    bandsCount.textContent = chosen.size ? `(${chosen.size})` : "";
    bandsToggle.classList.toggle("active", chosen.size > 0);
    changed();
  }

  bandsToggle.addEventListener("click", () => {
    const open = bandsPanel.hidden;
    bandsPanel.hidden = !open;
    bandsToggle.setAttribute("aria-expanded", String(open));
    if (open) renderBands(known.keys());
  });

  bandsSearch.addEventListener("input", debounce(async () => {
    const q = bandsSearch.value.trim();
    if (q.length < 2) return renderBands(known.keys());
    const found = await findBands(q).catch(() => []);
    for (const b of found) known.set(b.key, b.name);
    renderBands(found.map((b) => b.key));
  }, searchDelayMs));

  root.querySelector(".bands-filter-clear-all").addEventListener("click", () => {
    chosen.clear();
    bandsCount.textContent = "";
    bandsToggle.classList.remove("active");
    renderBands(known.keys());
    changed();
  });

  return {
    /** Bands of a line-up just shown: offered in the bands filter. */
    addBands(bands) {
      for (const b of bands) if (!known.has(b.key)) known.set(b.key, b.name);
      if (!bandsPanel.hidden && !bandsSearch.value) renderBands(known.keys());
    },
    /** Re-applies the filters (after a favourite changed). */
    refresh: () => changed(),
    favouriteKeys: allFavourites,
  };
}
