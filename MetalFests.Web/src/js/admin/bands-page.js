// /admin/bands: two tabs, Review (unreviewed bands, the default) and Reviewed, each listing every band of
// its kind, fetched page by page; the chosen band in the band form.
import { eachBandPage, listGenres, listRoles } from "../api.js";
import { AdminList } from "./admin-list.js";
import { BandForm } from "./band-form.js";
import { fillOptions } from "./key-chips.js";
import { startSession } from "./session.js";

const row = (band) => ({
  key: band.key,
  name: band.name,
  meta: [band.country, (band.genreNames ?? []).join(", ")].filter(Boolean).join(" · ") || "No country or genre yet",
});

startSession(async () => {
  const section = document.querySelector(".admin-list-section");
  const error = section.querySelector(".list-error");
  const title = section.querySelector(".list-title");
  const tabs = [...document.querySelectorAll(".admin-tabs .admin-tab")];
  const catalog = { genres: new Map(), roles: new Map() };
  let showingReviewed = false;
  let generation = 0;

  const list = new AdminList(section, (key) => form.open(key));
  const form = new BandForm(catalog, (band) => {
    if (band.reviewed === showingReviewed) list.update(row({ ...band, genreNames: band.genreKeys.map((k) => catalog.genres.get(k) ?? k) }));
    else list.remove(band.key);
  });

  async function show(reviewed) {
    showingReviewed = reviewed;
    const mine = ++generation;
    for (const tab of tabs) {
      const active = tab.dataset.reviewed === String(reviewed);
      tab.classList.toggle("active", active);
      tab.setAttribute("aria-selected", String(active));
    }
    title.textContent = reviewed ? "Reviewed bands" : "Bands to review";
    error.hidden = true;
    list.clear();
    try {
      await eachBandPage(reviewed, (rows, total) => list.append(rows.map(row), total), () => mine !== generation);
      if (mine === generation) list.complete();
    } catch (e) {
      if (mine !== generation) return;
      error.textContent = `The bands could not all be loaded: ${e.message}`;
      error.hidden = false;
      list.failed();
    }
  }

  for (const tab of tabs) tab.addEventListener("click", () => show(tab.dataset.reviewed === "true"));

  // Genre and role names for the form's suggestions; the list does not wait for them.
  Promise.all([listGenres(), listRoles()]).then(([genres, roles]) => {
    for (const g of genres) catalog.genres.set(g.key, g.name);
    for (const r of roles) catalog.roles.set(r.key, r.name);
    fillOptions(document.getElementById("genreOptions"), catalog.genres);
    fillOptions(document.getElementById("roleOptions"), catalog.roles);
  }).catch(() => { /* the form still works with keys typed by hand */ });

  await show(false);
});
