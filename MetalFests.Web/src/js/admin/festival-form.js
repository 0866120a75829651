// #festivalForm: a festival's general information and its latest edition (dates, price, status,
// line-up). Save sends the festival PUT and the edition PUT, each only if changed and each with If-Match
// of the version loaded, and says in words what happened; a refusal is shown where it comes from.
import { festivalForEditing, putEdition, putFestival } from "../api.js";
import { EntityForm } from "./entity-form.js";
import { Lineup } from "./lineup.js";
import { describe, invalidFields, markChip, markField } from "./refusals.js";

const $ = (id) => document.getElementById(id);
const optional = (value) => (value.trim() === "" ? undefined : value.trim());
const number = (value) => (value.trim() === "" ? undefined : Number(value));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Where a field of each body is typed (400's details.fields name paths like "dates.start"). */
const festivalInputs = {
  name: "festivalName", location: "festivalLocation", website: "festivalWebsite", poster: "festivalPoster",
  description: "festivalDescription", coordinates: "festivalLatitude", "coordinates.lat": "festivalLatitude", "coordinates.lng": "festivalLongitude",
};
const editionInputs = {
  dates: "festivalStartDate", "dates.start": "festivalStartDate", "dates.end": "festivalEndDate",
  ticketPrice: "festivalTicketPrice", currency: "festivalCurrency", status: "festivalStatus",
};

export class FestivalForm extends EntityForm {
  /** @param {(festival: object) => void} onSaved called with the festival as saved (for the list) */
  constructor(onSaved) {
    super($("festivalForm"), "the festival");
    this.lineup = new Lineup(this.form);
    this.onSaved = onSaved;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
  }

  /** The festival fresh, with the versions its writes send back. */
  load(key) {
    return festivalForEditing(key);
  }

  show(loaded) {
    this.festival = loaded.festival;
    this.edition = loaded.editions[0] ?? null;
    this.fill();
  }

  fill() {
    const f = this.festival;
    $("festivalName").value = f.name;
    $("festivalLocation").value = f.location;
    $("festivalWebsite").value = f.website ?? "";
    $("festivalPoster").value = f.poster ?? "";
    $("festivalLatitude").value = f.coordinates?.lat ?? "";
    $("festivalLongitude").value = f.coordinates?.lng ?? "";
    $("festivalDescription").value = f.description ?? "";
    const e = this.edition;
    $("editionYear").textContent = e ? String(e.year) : "(new)";
    $("festivalStartDate").value = e?.dates.start ?? "";
    $("festivalEndDate").value = e?.dates.end ?? "";
    $("festivalTicketPrice").value = e?.ticketPrice ?? "";
    $("festivalCurrency").value = e?.currency ?? "EUR";
    $("festivalStatus").value = e?.status ?? "announced";
    this.lineup.fill(e?.bands ?? []);
    this.loadedBodies = { festival: this.festivalBody(), edition: this.editionBody() };
  }

  festivalBody() {
    const lat = number($("festivalLatitude").value);
    const lng = number($("festivalLongitude").value);
    return {
      name: $("festivalName").value.trim(),
      location: $("festivalLocation").value.trim(),
      coordinates: lat === undefined && lng === undefined ? undefined : { lat, lng },
      website: optional($("festivalWebsite").value),
      poster: optional($("festivalPoster").value),
      description: optional($("festivalDescription").value),
    };
  }

  editionBody() {
    return {
      dates: { start: $("festivalStartDate").value, end: $("festivalEndDate").value },
      bands: this.lineup.bands(),
      ticketPrice: number($("festivalTicketPrice").value),
      currency: $("festivalCurrency").value.trim().toUpperCase() || undefined,
      status: $("festivalStatus").value,
    };
  }

  /** The edition's year: the loaded one's, or a new edition's start year. */
  year() {
    return this.edition?.year ?? Number($("festivalStartDate").value.slice(0, 4));
  }

  async save() {
    const festival = this.festivalBody();
    const edition = this.editionBody();
    const festivalChanged = !same(festival, this.loadedBodies.festival);
    const editionChanged = !same(edition, this.loadedBodies.edition) && (this.edition || edition.dates.start || edition.bands.length);
    if (!festivalChanged && !editionChanged) {
      this.say("Nothing to save: no field was changed.");
      return;
    }
    const button = this.form.querySelector(".save");
    button.disabled = true;
    this.saving();
    const saved = [];
    try {
      if (festivalChanged) {
        const { json } = await this.attempt(() => putFestival(this.key, festival, this.festival.version), "the festival", festivalInputs);
        this.festival = json.festival;
        this.loadedBodies.festival = festival;
        saved.push(`the festival (version ${json.festival.version})`);
        this.onSaved(json.festival);
      }
      if (editionChanged) {
        const year = this.year();
        const { json } = await this.attempt(() => putEdition(this.key, year, edition, this.edition?.version), `the ${year} edition`, editionInputs);
        this.edition = json.edition;
        this.lineup.fill(json.edition.bands);
        $("editionYear").textContent = String(json.edition.year);
        this.loadedBodies.edition = this.editionBody();
        saved.push(`the ${json.edition.year} edition and its line-up of ${json.edition.bands.length} bands (version ${json.edition.version})`);
      }
      this.say(`Saved ${saved.join(" and ")}. The public pages show it from their next load.`, "success");
    } catch (refusal) {
      const done = saved.length ? `Saved ${saved.join(" and ")}, but ` : "";
      this.say(done + refusal.words, "error");
      this.refused(refusal.error);
    } finally {
      button.disabled = false;
    }
  }

  /** One PUT; a refusal is marked on the form and rethrown with its words. */
  async attempt(put, what, inputs) {
    try {
      return await put();
    } catch (error) {
      let words = describe(error, what);
      if (error.status === 400) {
        const fields = invalidFields(error);
        for (const { field, reason } of fields) this.markInvalid(field, reason, inputs);
        if (fields.length) words = `${what} was not saved: ${fields.length === 1 ? "one field needs" : `${fields.length} fields need`} correcting (marked below).`;
      } else if (error.status === 422) {
        const invalid = error.details?.bandValidation?.invalidBands ?? [];
        for (const { key, reason } of invalid) {
          const chip = this.lineup.chip(key);
          if (chip) markChip(chip, reason);
        }
        if (invalid.length) words = `${what} was not saved: ${invalid.length === 1 ? "a band" : `${invalid.length} bands`} on the line-up ${invalid.length === 1 ? "does" : "do"} not exist (${invalid.map((b) => b.key).join(", ")}). Remove ${invalid.length === 1 ? "it" : "them"} or pick another.`;
      }
      throw { error, words: words.charAt(0).toUpperCase() + words.slice(1) };
    }
  }

  markInvalid(field, reason, inputs) {
    const band = /^bands\[(\d+)\]/.exec(field);
    if (band) {
      const entry = this.editionBody().bands[Number(band[1])];
      const chip = entry && this.lineup.chip(entry.key);
      if (chip) {
        markChip(chip, reason);
        return;
      }
    }
    const input = $(inputs[field] ?? "") ?? (field.startsWith("bands") ? this.form.querySelector(".lineup legend") : this.status);
    markField(input, `${field}: ${reason}`);
  }

}
