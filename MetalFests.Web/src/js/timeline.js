// The timeline: one card per festival, sorted by start date. A card's line-up is fetched when the
// card first comes into view, so a visit costs the list plus the few festivals on screen.
import { festivalCard } from "./festival-card.js";

const startOf = (row) => row.latestEdition?.dates?.start ?? "9999";

export function timeline(container, emptyMessage, rows, onBand) {
  const sorted = [...rows].sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.festivalName.localeCompare(b.festivalName));
  const cards = new Map(sorted.map((row) => [row.festivalKey, festivalCard(row, onBand)]));
  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        seen.unobserve(entry.target);
        entry.target.loadLineup();
      }
    }
  });
  for (const card of cards.values()) seen.observe(card);
  container.replaceChildren(...cards.values());

  return {
    /** Keeps only the cards whose row passes `matches` (the others leave the page). */
    filter(matches) {
      const shown = sorted.filter(matches).map((row) => cards.get(row.festivalKey));
      container.replaceChildren(...shown);
      emptyMessage.hidden = shown.length > 0;
    },
    refreshFavourite(key) {
      cards.get(key)?.refreshFavourite();
    },
  };
}
