// The editors' list: one .list-item per entity (.list-item-name, optional .list-item-meta), a search box,
// a .sort-toggle (A–Z / Z–A) and the selected item marked .active. Rows arrive page by page: each page
// is rendered as one DocumentFragment, then the browser gets a turn before the next, so a list of
// thousands never freezes the page.

// A task boundary (not requestAnimationFrame, which a hidden tab never runs): the browser renders and
// handles input between two pages.
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const normalise = (text) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

export class AdminList {
  /**
   * @param {HTMLElement} root the .admin-list-section holding .list-count, .list-search, .sort-toggle and ul.list-content
   * @param {(key: string) => void} onSelect called when an item is chosen (click, Enter or Space)
   */
  constructor(root, onSelect) {
    this.list = root.querySelector(".list-content");
    this.count = root.querySelector(".list-count");
    this.search = root.querySelector(".list-search");
    this.sortToggle = root.querySelector(".sort-toggle");
    this.onSelect = onSelect;
    this.items = new Map();
    this.ascending = true;
    this.total = 0;
    this.query = "";

    let typing;
    this.search.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => this.filter(this.search.value), 150);
    });
    this.sortToggle.addEventListener("click", () => {
      this.ascending = !this.ascending;
      this.sortToggle.querySelector(".sort-label").textContent = this.ascending ? "A–Z" : "Z–A";
      this.sortToggle.setAttribute("aria-label", `Sort ${this.ascending ? "Z to A" : "A to Z"}`);
      this.sort();
    });
    this.list.addEventListener("click", (event) => {
      const item = event.target.closest(".list-item");
      if (item) this.choose(item.dataset.key);
    });
    this.list.addEventListener("keydown", (event) => {
      const item = event.target.closest(".list-item");
      if (item && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        this.choose(item.dataset.key);
      }
    });
  }

  /** The list could not be loaded whole: it stays as far as it got, no longer busy. */
  failed() {
    this.list.removeAttribute("aria-busy");
  }

  /** Empties the list (before loading another kind of entity). */
  clear(message = "Loading…") {
    this.items.clear();
    this.list.replaceChildren();
    this.list.setAttribute("aria-busy", "true");
    this.count.textContent = message;
  }

  /** Adds one page of rows ({key, name, meta?}), then lets the browser render and handle input. */
  async append(rows, total) {
    this.total = total;
    const fragment = document.createDocumentFragment();
    const wanted = normalise(this.query.trim());
    for (const row of rows) {
      const item = this.render(row);
      // A search typed while the list loads applies to the rows still arriving.
      item.hidden = !this.matches(row, wanted);
      this.items.set(row.key, { row, item });
      fragment.append(item);
    }
    this.list.append(fragment);
    this.count.textContent = `${this.items.size.toLocaleString("en")} of ${total.toLocaleString("en")}…`;
    await yieldToBrowser();
  }

  /** All rows are in: sort, apply the search, say how many. */
  complete() {
    this.sort();
    this.filter(this.search.value);
    this.list.removeAttribute("aria-busy");
  }

  /** Replaces one row's text (after a save), keeping its place and selection. */
  update(row) {
    const entry = this.items.get(row.key);
    if (!entry) return;
    const item = this.render(row);
    item.classList.toggle("active", entry.item.classList.contains("active"));
    item.setAttribute("aria-selected", entry.item.getAttribute("aria-selected"));
    entry.item.replaceWith(item);
    this.items.set(row.key, { row, item });
    this.filter(this.query);
  }

  /** Removes a row (a band that changed tab after "Mark reviewed"). */
  remove(key) {
    this.items.get(key)?.item.remove();
    this.items.delete(key);
    this.total = Math.max(0, this.total - 1);
    this.filter(this.query);
  }

  choose(key) {
    for (const { item } of this.items.values()) {
      const active = item.dataset.key === key;
      item.classList.toggle("active", active);
      item.setAttribute("aria-selected", String(active));
    }
    this.onSelect(key);
  }

  render({ key, name, meta }) {
    const item = document.createElement("li");
    item.className = "list-item";
    item.dataset.key = key;
    item.tabIndex = 0;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    const title = document.createElement("span");
    title.className = "list-item-name";
    title.textContent = name;
    item.append(title);
    if (meta !== undefined) {
      const line = document.createElement("span");
      line.className = "list-item-meta";
      line.textContent = meta;
      item.append(line);
    }
    return item;
  }

  matches(row, wanted) {
    return !wanted || normalise(`${row.name} ${row.meta ?? ""}`).includes(wanted);
  }

  sort() {
    const entries = [...this.items.values()].sort((a, b) =>
      (this.ascending ? 1 : -1) * (collator.compare(a.row.name, b.row.name) || a.row.key.localeCompare(b.row.key)));
    const fragment = document.createDocumentFragment();
    for (const { item } of entries) fragment.append(item);
    this.list.append(fragment);
  }

  filter(query) {
    this.query = query;
    const wanted = normalise(query.trim());
    let shown = 0;
    for (const { row, item } of this.items.values()) {
      const match = this.matches(row, wanted);
      item.hidden = !match;
      if (match) shown++;
    }
    this.count.textContent = wanted
      ? `${shown.toLocaleString("en")} of ${this.items.size.toLocaleString("en")}`
      : this.items.size.toLocaleString("en");
  }
}
