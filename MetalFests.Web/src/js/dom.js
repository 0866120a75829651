// Small helpers for building markup without innerHTML (all text from the API is set as text).

/** `el("p", {class: "x"}, "text", child)`: attributes (false/null skipped), then children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** Calls `fn` once input has paused for `ms`. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const dateRange = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

/** "3–6 June 2026" from ISO dates. */
export function formatDates(dates) {
  if (!dates) return "Dates to be announced";
  const start = new Date(`${dates.start}T00:00:00Z`);
  const end = new Date(`${dates.end}T00:00:00Z`);
  return dateRange.formatRange(start, end);
}

export function formatPrice(price, currency) {
  if (price === null || price === undefined) return "Price to be announced";
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency || "EUR", maximumFractionDigits: 0 }).format(price);
}
