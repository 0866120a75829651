// A festival's card, the same on the timeline and in the map's festival modal. The line-up is not
// in the list row: a card fetches it (its festival's page) when asked to, i.e. when it is seen.
import { calendarUrl, festival } from "./api.js";
import { el, formatDates, formatPrice } from "./dom.js";
import { isFavourite, toggleFavourite } from "./favourites.js";

const placeholderPoster = "../img/poster-placeholder.svg";

/** @param row a festival list row; @param onBand called with (bandKey, the clicked tag). */
export function festivalCard(row, onBand) {
  const edition = row.latestEdition;
  const star = el("button", {
    type: "button",
    class: starClass(row.festivalKey),
    "aria-pressed": String(isFavourite(row.festivalKey)),
    "aria-label": `Favourite: ${row.festivalName}`,
    onclick: () => toggleFavourite(row.festivalKey),
  }, "★");
  const poster = el("img", {
    class: "festival-poster",
    src: row.poster || placeholderPoster,
    "data-placeholder": !row.poster,
    alt: `Poster of ${row.festivalName}`,
    width: 600, height: 300, loading: "lazy", decoding: "async",
  });
  poster.addEventListener("error", () => {
    poster.src = placeholderPoster;
    poster.dataset.placeholder = "";
  }, { once: true });
  const bands = el("div", { class: "festival-bands", role: "group", "aria-label": `Line-up of ${row.festivalName}`, "aria-busy": "true" },
    el("span", { class: "festival-bands-pending" }, edition ? `${edition.bandCount} bands` : "Line-up to be announced"));

  const card = el("article", { class: "festival-card", "data-key": row.festivalKey, "aria-labelledby": `name-${row.festivalKey}` },
    poster,
    el("div", { class: "festival-body" },
      el("div", { class: "festival-card-header" },
        el("h2", { class: "festival-name", id: `name-${row.festivalKey}` }, row.festivalName),
        el("div", { class: "favorite-container" }, star)),
      el("p", { class: "festival-dates" }, formatDates(edition?.dates)),
      el("p", { class: "festival-location" }, row.location),
      el("p", { class: "ticket-price" }, formatPrice(edition?.ticketPrice, edition?.currency)),
      bands,
      el("p", { class: "festival-links" },
        row.website ? el("a", { class: "festival-website", href: row.website, target: "_blank", rel: "noopener noreferrer" }, "Website") : null,
        el("a", { class: "festival-calendar", href: calendarUrl(row.festivalKey), download: `${row.festivalKey}.ics` }, "Add to calendar"))));

  let lineupRequested = false;
  /** Fetches and shows the line-up (once). */
  card.loadLineup = async () => {
    if (lineupRequested || !edition) return;
    lineupRequested = true;
    try {
      const { editions } = await festival(row.festivalKey);
      const latest = editions[0];
      const tags = [...(latest?.bands ?? [])]
        .sort((a, b) => a.size - b.size)
        .map((b) => el("button", { type: "button", class: `band-tag size-${b.size}`, "data-band": b.key, onclick: (e) => onBand(b.key, e.currentTarget) }, b.name));
      bands.replaceChildren(...tags);
      bands.removeAttribute("aria-busy");
      card.dispatchEvent(new CustomEvent("lineup", { bubbles: true, detail: latest?.bands ?? [] }));
    } catch {
      lineupRequested = false;
      bands.querySelector(".festival-bands-pending").textContent = "Line-up unavailable right now";
    }
  };
  card.refreshFavourite = () => {
    star.className = starClass(row.festivalKey);
    star.setAttribute("aria-pressed", String(isFavourite(row.festivalKey)));
  };
  return card;
}

const starClass = (key) => (isFavourite(key) ? "star-icon favorite" : "star-icon");
