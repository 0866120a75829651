// Favourite festivals, kept in this browser (localStorage).
const storageKey = "metalfests.favourites";
const listeners = new Set();

function read() {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return new Set(Array.isArray(value) ? value : []);
  } catch {
    return new Set();
  }
}

let favourites = read();

export const isFavourite = (key) => favourites.has(key);
export const allFavourites = () => [...favourites];

export function toggleFavourite(key) {
  if (!favourites.delete(key)) favourites.add(key);
  localStorage.setItem(storageKey, JSON.stringify([...favourites]));
  for (const listener of listeners) listener(key);
}

/** Called with the festival's key whenever a favourite is added or removed. */
export const onFavouritesChange = (listener) => listeners.add(listener);
