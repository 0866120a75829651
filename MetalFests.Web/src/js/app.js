// The public page: timeline and map views, filters, band guide. Wires the components together.
import { calendarFeedUrl, listFestivals } from "./api.js";
import { bandModal } from "./band-modal.js";
import { festivalModal } from "./festival-modal.js";
import { allFavourites, onFavouritesChange } from "./favourites.js";
import { filters } from "./filters.js";
import { mobileMenu } from "./mobile-menu.js";
import { nearMe } from "./near-me.js";
import { showOutages } from "./status.js";
import { timeline } from "./timeline.js";
import { views } from "./views.js";

const $ = (selector) => document.querySelector(selector);
const loading = $("#loading");
const timelineView = $("#timeline-view");
const mapView = $("#map-view");
const subscribeFavourites = $(".calendar-subscribe-favourites");

showOutages($("#api-status"));
mobileMenu($("#hamburger-menu"), $("#mobile-menu"));

const bands = bandModal($(".band-modal-overlay"));
const openBand = (key, opener) => bands.open(key, opener);
const festivalDialog = festivalModal($("#festival-modal"), openBand);

let rows = new Map();
let festivalTimeline = null;
let map = null;
let matches = () => true;

function applyFilters() {
  festivalTimeline?.filter(matches);
  map?.then((m) => m?.filter(matches, (key) => rows.get(key)));
}

const filterBar = filters($(".filters"), (predicate) => {
  matches = predicate;
  applyFilters();
});

function showMap() {
  map ??= import("./map.js")
    .then(({ festivalMap }) => festivalMap($("#festival-map"), openFestival))
    .catch(() => null);
  map.then((m) => {
    m?.filter(matches, (key) => rows.get(key));
    m?.resize();
  });
}

const openFestival = (key, opener) => {
  if (rows.has(key)) festivalDialog.open(rows.get(key), opener);
};

nearMe($(".near"), {
  onResults: (near) => map?.then((m) => m?.showDistances(near)),
  onFestival: openFestival,
});

views((view) => {
  timelineView.hidden = view !== "timeline";
  mapView.hidden = view !== "map";
  if (view === "map") showMap();
});

function showFavouritesFeed() {
  const keys = allFavourites();
  subscribeFavourites.hidden = keys.length === 0;
  subscribeFavourites.href = calendarFeedUrl(keys);
}
showFavouritesFeed();

onFavouritesChange((key) => {
  festivalTimeline?.refreshFavourite(key);
  festivalDialog.refreshFavourite();
  showFavouritesFeed();
  filterBar.refresh();
});
document.addEventListener("lineup", (event) => filterBar.addBands(event.detail));

try {
  const list = await listFestivals();
  rows = new Map(list.map((row) => [row.festivalKey, row]));
  festivalTimeline = timeline($("#timeline-content"), $(".timeline-empty"), list, openBand);
  applyFilters();
} catch {
  // The outage message (status.js) says what happened.
} finally {
  loading.hidden = true;
}
