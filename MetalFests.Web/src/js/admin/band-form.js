// The band form (.admin-form-section): every field of the band, its genres and its members with their
// roles. "Save" and "Mark reviewed" send the band PUT — a full replacement, so every field is sent —
// with If-Match of the version loaded; a refusal is shown at the field or chip that caused it.
import { bandForEditing, putBand } from "../api.js";
import { EntityForm } from "./entity-form.js";
import { KeyChips } from "./key-chips.js";
import { describe, invalidFields, markChip, markField } from "./refusals.js";

const $ = (id) => document.getElementById(id);
const optional = (value) => (value.trim() === "" ? undefined : value.trim());
const textFields = { name: "bandName", country: "bandCountry", description: "bandDescription", logo: "bandLogo", headlineImage: "bandHeadlineImage", website: "bandWebsite", spotify: "bandSpotify" };

export class BandForm extends EntityForm {
  /**
   * @param {{genres: Map<string,string>, roles: Map<string,string>}} catalog known genre and role names by key
   * @param {(band: object) => void} onSaved called with the band as saved
   */
  constructor(catalog, onSaved) {
    super($("bandForm"), "the band");
    this.catalog = catalog;
    this.onSaved = onSaved;
    this.state = this.form.querySelector(".band-state");
    this.actions = this.form.querySelector(".form-actions");
    this.members = $("bandMembers");
    this.genres = new KeyChips($("bandGenres"), $("bandGenreInput"), catalog.genres, "genre");
    this.memberChips = [];
    this.logoPreview = this.form.querySelector(".logo-preview");

    // "Mark reviewed" exists only while an unreviewed band is open: the page's only button naming "reviewed" is then the tab.
    this.markReviewed = this.form.querySelector(".mark-reviewed");
    this.markReviewed.remove();
    this.markReviewed.addEventListener("click", () => this.save(true));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save(this.band.reviewed);
    });
    this.form.querySelector(".add-member").addEventListener("click", () => {
      this.addMember({ name: "", roleKeys: [] }).querySelector("input").focus();
    });
    this.members.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action=remove-member]");
      if (!button) return;
      const row = button.closest(".member");
      this.memberChips = this.memberChips.filter((m) => m.row !== row);
      row.remove();
    });
    $("bandLogo").addEventListener("change", () => this.preview());
    // A logo that cannot be loaded (moved, or a host out of reach) is not shown broken.
    this.logoPreview.addEventListener("error", () => { this.logoPreview.hidden = true; });
  }

  /** The band fresh, with its version (ETag). */
  load(key) {
    return bandForEditing(key);
  }

  show(loaded) {
    for (const genre of loaded.genres) if (!this.catalog.genres.has(genre.key)) this.catalog.genres.set(genre.key, genre.name);
    for (const role of loaded.roles) if (!this.catalog.roles.has(role.key)) this.catalog.roles.set(role.key, role.name);
    this.band = loaded.band;
    this.etag = loaded.etag;
    this.fill();
  }

  fill() {
    const b = this.band;
    for (const [field, id] of Object.entries(textFields)) $(id).value = b[field] ?? "";
    this.genres.set(b.genreKeys);
    this.members.replaceChildren();
    this.memberChips = [];
    for (const member of b.members) this.addMember(member);
    this.state.textContent = b.reviewed ? "Reviewed." : "Not reviewed yet.";
    if (b.reviewed) this.markReviewed.remove();
    else this.actions.prepend(this.markReviewed);
    this.preview();
  }

  addMember({ name, roleKeys }) {
    const index = this.members.children.length + 1;
    const row = document.createElement("li");
    row.className = "member";
    const nameId = `memberName${index}-${Date.now()}`;
    const rolesId = `memberRoles${index}-${Date.now()}`;
    row.innerHTML = `
      <div class="field"><label for="${nameId}">Member</label><input id="${nameId}" class="member-name" maxlength="200"></div>
      <div class="field"><label for="${rolesId}">Add a role</label><input id="${rolesId}" class="member-role-input" list="roleOptions" placeholder="Role…" autocomplete="off"></div>
      <ul class="chips member-roles" aria-label="Roles"></ul>
      <button type="button" data-action="remove-member">Remove member</button>`;
    row.querySelector(".member-name").value = name;
    row.querySelector("[data-action=remove-member]").setAttribute("aria-label", `Remove member ${name || index}`);
    const chips = new KeyChips(row.querySelector(".member-roles"), row.querySelector(".member-role-input"), this.catalog.roles, "role");
    chips.set(roleKeys);
    this.members.append(row);
    this.memberChips.push({ row, chips });
    return row;
  }

  body(reviewed) {
    const body = {};
    for (const [field, id] of Object.entries(textFields)) body[field] = field === "name" ? $(id).value.trim() : optional($(id).value);
    body.genreKeys = this.genres.keys();
    body.members = this.memberChips.map(({ row, chips }) => ({ name: row.querySelector(".member-name").value.trim(), roleKeys: chips.keys() }));
    body.reviewed = reviewed;
    return body;
  }

  async save(reviewed) {
    const buttons = this.actions.querySelectorAll("button");
    for (const button of buttons) button.disabled = true;
    this.saving();
    const body = this.body(reviewed);
    const wasReviewed = this.band.reviewed;
    try {
      const { json, etag } = await putBand(this.band.key, body, this.etag);
      this.band = json.band;
      this.etag = etag ?? `"${json.band.version}"`;
      const festivals = json.affectedFestivals?.length ?? 0;
      this.fill();
      this.say(`Saved ${json.band.name}${reviewed && !wasReviewed ? ", marked reviewed" : ""} (version ${json.band.version}).`
        + (festivals ? ` ${festivals} festival${festivals === 1 ? "" : "s"} showing it updated too.` : "")
        + " The public pages show it from their next load.", "success");
      this.onSaved(json.band);
    } catch (error) {
      this.refused(error);
      this.say(this.explain(error), "error");
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  }

  /** Marks the refusal's causes on the form; the words for the status line. */
  explain(error) {
    if (error.status === 400) {
      const fields = invalidFields(error);
      for (const { field, reason } of fields) this.markInvalid(field, reason);
      if (fields.length) return `The band was not saved: ${fields.length === 1 ? "one field needs" : `${fields.length} fields need`} correcting (marked above).`;
    }
    if (error.status === 422 && error.details?.validation) {
      const { invalidGenres = [], invalidRoles = [] } = error.details.validation;
      for (const { key, reason } of invalidGenres) {
        const chip = this.genres.chip(key);
        if (chip) markChip(chip, reason);
      }
      for (const { key, reason } of invalidRoles) {
        for (const { chips } of this.memberChips) {
          const chip = chips.chip(key);
          if (chip) markChip(chip, reason);
        }
      }
      const unknown = [...invalidGenres.map((g) => `genre ${g.key}`), ...invalidRoles.map((r) => `role ${r.key}`)];
      return `The band was not saved: ${unknown.join(", ")} ${unknown.length === 1 ? "does" : "do"} not exist (marked above). Pick a known one from the suggestions.`;
    }
    return describe(error, "the band").replace(/^t/, "T");
  }

  markInvalid(field, reason) {
    const genre = /^genreKeys\[(\d+)\]/.exec(field);
    const member = /^members\[(\d+)\](?:\.(name|roleKeys)(?:\[(\d+)\])?)?/.exec(field);
    if (genre) {
      const chip = this.genres.list.querySelectorAll(".chip")[Number(genre[1])];
      if (chip) return markChip(chip, reason);
    }
    if (member) {
      const entry = this.memberChips[Number(member[1])];
      if (entry && member[2] === "roleKeys" && member[3] !== undefined) {
        const chip = entry.chips.list.querySelectorAll(".chip")[Number(member[3])];
        if (chip) return markChip(chip, reason);
      }
      if (entry) return markField(entry.row.querySelector(".member-name"), `${field}: ${reason}`);
    }
    const input = $(textFields[field] ?? "") ?? (field.startsWith("genreKeys") ? $("bandGenreInput") : this.status);
    return markField(input, `${field}: ${reason}`);
  }

  preview() {
    const url = $("bandLogo").value.trim();
    this.logoPreview.hidden = !url;
    if (url) {
      this.logoPreview.src = url;
      this.logoPreview.alt = `Logo of ${$("bandName").value}`;
    }
  }

}
