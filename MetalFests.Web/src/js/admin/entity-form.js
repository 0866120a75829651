// What the festival and band forms share: open an entity fresh from the API (the form shows only once
// it is loaded, and only the latest one asked for), a status line saying in words what happened, and
// what a refusal of the key (401) or of a stale version (412) asks of the editor.
import { clearRefusals, describe } from "./refusals.js";
import { keyRejected } from "./session.js";

export class EntityForm {
  /**
   * @param {HTMLFormElement} form the form, holding .save-status and a .reload button
   * @param {string} what the entity in words ("the festival", "the band")
   */
  constructor(form, what) {
    this.form = form;
    this.what = what;
    this.placeholder = form.closest(".admin-form-section").querySelector(".form-placeholder");
    this.status = form.querySelector(".save-status");
    this.reloadButton = form.querySelector(".reload");
    this.reloadButton.addEventListener("click", () => this.open(this.key));
  }

  /** Loads `key` with `this.load(key)` and shows it with `this.show(loaded)`. */
  async open(key) {
    this.key = key;
    this.say("Loading…");
    clearRefusals(this.form);
    this.reloadButton.hidden = true;
    let loaded;
    try {
      loaded = await this.load(key);
    } catch (error) {
      if (error.status === 401) keyRejected();
      // Said where the editor looks: the form itself is not shown yet, or shows another entity.
      this.form.hidden = true;
      this.placeholder.hidden = false;
      this.placeholder.textContent = describe(error, this.what).replace(/ was not saved/, " could not be loaded");
      return;
    }
    if (this.key !== key) return;
    try {
      this.show(loaded);
    } catch (error) {
      this.form.hidden = true;
      this.placeholder.hidden = false;
      this.placeholder.textContent = `${this.what} could not be shown: ${error.message}`;
      throw error;
    }
    this.placeholder.hidden = true;
    this.form.hidden = false;
    this.say("");
  }

  /** Before a save: the previous refusal's marks and offers go. */
  saving() {
    clearRefusals(this.form);
    this.reloadButton.hidden = true;
    this.say("Saving…");
  }

  /** After a refusal: a key no longer accepted signs out; a stale version offers to reload. */
  refused(error) {
    if (error.status === 401) keyRejected();
    if (error.status === 412) this.reloadButton.hidden = false;
  }

  say(text, kind = "") {
    this.status.textContent = text;
    this.status.className = `save-status ${kind}`.trim();
  }
}
