// A line-up in three billing tiers (#selectedBandsTier3 gold headliners, 2 orange, 1 grey: size 3, 2, and
// 0 or 1), with bands added by a look-up against /api/bands?q=, removed, and moved between tiers.
import { findBands } from "../api.js";

const TIERS = [3, 2, 1];

/** The tier a billing size belongs to (size 0 shares tier 1). */
export const tierOf = (size) => (size >= 3 ? 3 : size === 2 ? 2 : 1);

export class Lineup {
  constructor(form) {
    this.tiers = Object.fromEntries(TIERS.map((tier) => [tier, form.querySelector(`#selectedBandsTier${tier}`)]));
    this.lookup = form.querySelector("#bandLookup");
    this.lookupTier = form.querySelector("#bandLookupTier");
    this.results = form.querySelector("#bandLookupResults");
    this.order = new Map();

    for (const list of Object.values(this.tiers)) {
      list.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-action]");
        if (!button) return;
        const chip = button.closest(".chip");
        const tier = Number(chip.parentElement.dataset.tier);
        if (button.dataset.action === "remove") {
          chip.remove();
          this.lookup.focus();
        } else {
          this.place(chip, tier + (button.dataset.action === "up" ? 1 : -1));
          chip.querySelector(`button[data-action=${button.dataset.action}]`)?.focus();
        }
      });
    }

    let typing;
    let asked = 0;
    this.lookup.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        const q = this.lookup.value.trim();
        const ask = ++asked;
        if (q.length < 2) {
          this.results.replaceChildren();
          return;
        }
        try {
          const bands = await findBands(q, 10);
          if (ask === asked) this.showResults(bands, q);
        } catch (e) {
          if (ask === asked) this.results.replaceChildren(this.note(`The look-up failed: ${e.message}`));
        }
      }, 250);
    });
    this.results.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-key]");
      if (!button) return;
      const tier = Number(this.lookupTier.value);
      const existing = this.chip(button.dataset.key);
      if (existing) {
        this.results.replaceChildren(this.note(`${button.dataset.name} is already on the line-up, in tier ${existing.parentElement.dataset.tier}.`));
        return;
      }
      this.tiers[tier].append(this.render({ key: button.dataset.key, name: button.dataset.name, size: tier }));
      this.results.replaceChildren(this.note(`Added ${button.dataset.name} to tier ${tier}.`));
      this.lookup.value = "";
      this.lookup.focus();
    });
  }

  /** Shows an edition's line-up (bands [{key, name, size}]). */
  fill(bands) {
    this.order = new Map(bands.map((band, index) => [band.key, index]));
    for (const tier of TIERS) {
      this.tiers[tier].replaceChildren(...bands.filter((b) => tierOf(b.size) === tier).map((b) => this.render(b)));
    }
    this.results.replaceChildren();
    this.lookup.value = "";
  }

  /** The line-up as the edition PUT takes it: bands in their original order, new ones after. */
  bands() {
    const chips = TIERS.flatMap((tier) => [...this.tiers[tier].querySelectorAll(".chip")]);
    const position = (chip) => this.order.get(chip.dataset.key) ?? this.order.size + chips.indexOf(chip);
    return chips
      .sort((a, b) => position(a) - position(b))
      .map((chip) => ({ key: chip.dataset.key, name: chip.dataset.name, size: Number(chip.dataset.size) }));
  }

  chip(key) {
    return Object.values(this.tiers).flatMap((list) => [...list.querySelectorAll(".chip")]).find((c) => c.dataset.key === key);
  }

  place(chip, tier) {
    if (!this.tiers[tier]) return;
    chip.dataset.size = String(tier);
    this.tiers[tier].append(chip);
    this.decorate(chip);
  }

  render({ key, name, size }) {
    const chip = document.createElement("li");
    chip.className = "chip band-chip";
    chip.dataset.key = key;
    chip.dataset.name = name;
    chip.dataset.size = String(size);
    const label = document.createElement("span");
    label.className = "chip-name";
    label.textContent = name;
    chip.append(label);
    for (const [action, text] of [["up", "▲"], ["down", "▼"], ["remove", "×"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.action = action;
      button.textContent = text;
      chip.append(button);
    }
    this.decorate(chip, tierOf(size));
    return chip;
  }

  /** Labels of the chip's buttons for the tier it is in (a headliner cannot go up, tier 1 cannot go down). */
  decorate(chip, tier = Number(chip.dataset.size) || 1) {
    const name = chip.dataset.name;
    const up = chip.querySelector("[data-action=up]");
    const down = chip.querySelector("[data-action=down]");
    up.hidden = tier === 3;
    down.hidden = tier === 1;
    up.setAttribute("aria-label", `Move ${name} up to tier ${tier + 1}`);
    down.setAttribute("aria-label", `Move ${name} down to tier ${tier - 1}`);
    chip.querySelector("[data-action=remove]").setAttribute("aria-label", `Remove ${name} from the line-up`);
  }

  showResults(bands, q) {
    if (!bands.length) {
      this.results.replaceChildren(this.note(`No band named like “${q}”.`));
      return;
    }
    this.results.replaceChildren(...bands.map((band) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.key = band.key;
      button.dataset.name = band.name;
      button.textContent = band.country ? `${band.name} (${band.country})` : band.name;
      item.append(button);
      return item;
    }));
  }

  note(text) {
    const item = document.createElement("li");
    item.className = "lookup-note";
    item.textContent = text;
    return item;
  }
}
