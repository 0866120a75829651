// The map's festival modal: the same card as the timeline's.
import { festivalCard } from "./festival-card.js";
import { modal } from "./modal.js";

export function festivalModal(overlay, onBand) {
  const body = overlay.querySelector(".modal-body");
  const dialog = modal(overlay, overlay.querySelector(".modal-content"), overlay.querySelector(".modal-close"));
  let card = null;
  return {
    open(row, opener) {
      card = festivalCard(row, onBand);
      body.replaceChildren(card);
      card.loadLineup();
      dialog.open(opener);
    },
    refreshFavourite() {
      card?.refreshFavourite();
    },
  };
}
