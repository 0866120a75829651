// Keys (genres, roles) as removable chips, added from an input backed by a <datalist> of known names.
// A name that matches no known entry is added as typed (its key derived like the API's keys), so the
// API's 422 can say it does not exist, at the chip.

/** "Nu Metal" → "nu-metal": the API's key format (^[a-z0-9]+(-[a-z0-9]+)*$). */
export const keyOf = (text) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export class KeyChips {
  /**
   * @param {HTMLUListElement} list where the chips go
   * @param {HTMLInputElement} input where a name is typed (its list attribute names the datalist)
   * @param {Map<string, string>} names key → display name of the known entries
   * @param {string} noun "genre" or "role", for labels
   */
  constructor(list, input, names, noun) {
    this.list = list;
    this.input = input;
    this.names = names;
    this.noun = noun;
    const add = () => {
      const typed = this.input.value.trim();
      if (!typed) return;
      const key = this.resolve(typed);
      if (key && !this.keys().includes(key)) this.list.append(this.render(key));
      this.input.value = "";
    };
    input.addEventListener("change", add);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        add();
      }
    });
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action=remove]");
      if (button) {
        button.closest(".chip").remove();
        this.input.focus();
      }
    });
  }

  /** A known name or key → its key; anything else → the key it would have. */
  resolve(typed) {
    const lower = typed.toLowerCase();
    for (const [key, name] of this.names) {
      if (key === lower || name.toLowerCase() === lower) return key;
    }
    return keyOf(typed);
  }

  set(keys) {
    this.list.replaceChildren(...keys.map((key) => this.render(key)));
  }

  keys() {
    return [...this.list.querySelectorAll(".chip")].map((chip) => chip.dataset.key);
  }

  chip(key) {
    return [...this.list.querySelectorAll(".chip")].find((chip) => chip.dataset.key === key);
  }

  render(key) {
    const chip = document.createElement("li");
    chip.className = "chip";
    chip.dataset.key = key;
    const name = document.createElement("span");
    name.className = "chip-name";
    name.textContent = this.names.get(key) ?? key;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.dataset.action = "remove";
    remove.textContent = "×";
    remove.setAttribute("aria-label", `Remove ${this.noun} ${name.textContent}`);
    chip.append(name, remove);
    return chip;
  }
}

/** Fills a <datalist> with the known names. */
export function fillOptions(datalist, names) {
  const fragment = document.createDocumentFragment();
  for (const name of [...names.values()].sort((a, b) => a.localeCompare(b))) {
    const option = document.createElement("option");
    option.value = name;
    fragment.append(option);
  }
  datalist.replaceChildren(fragment);
}
