// The one module that knows the API: its URLs and its error envelope
// ({"error": {code, message, details, timestamp, requestId}}). Components ask it for data and
// links; none of them builds a URL.

const base = "/api";
const failureListeners = new Set();
const cache = new Map();

/** A failed call: `status` 0 when the API could not be reached at all. */
export class ApiError extends Error {
  constructor(status, code, message, retryAfterSeconds) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The API is down or busy (not a question of what was asked). */
  get isOutage() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** Called with every {@link ApiError} that means an outage (5xx, 429, unreachable). */
export function onOutage(listener) {
  failureListeners.add(listener);
}

async function get(path) {
  // One request per URL and page view: the browser's HTTP cache handles the rest (the API sends
  // Cache-Control and ETag). A failed call is forgotten, so it is tried again next time.
  if (!cache.has(path)) {
    const pending = fetchJson(path);
    cache.set(path, pending);
    pending.catch(() => cache.delete(path));
  }
  return cache.get(path);
}

async function fetchJson(path) {
  let response;
  try {
    response = await fetch(`${base}${path}`, { headers: { Accept: "application/json" } });
  } catch {
    throw report(new ApiError(0, "UNREACHABLE", "The festival service cannot be reached."));
  }
  if (response.ok) return response.json();
  const envelope = await response.json().catch(() => null);
  const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
  throw report(new ApiError(response.status, envelope?.error?.code ?? "HTTP_" + response.status,
    envelope?.error?.message ?? response.statusText, retryAfter));
}

function report(error) {
  if (error.isOutage) for (const listener of failureListeners) listener(error);
  return error;
}

const segment = encodeURIComponent;

/** Every festival's list row ({festivalKey, festivalName, location, coordinates, website, poster, latestEdition, ...}). */
export const listFestivals = async () => (await get("/festivals")).festivals;

/** Festivals near a point, nearest first, each with `distanceKm`. */
export const festivalsNear = async (lat, lng) => (await get(`/festivals?near=${lat.toFixed(4)},${lng.toFixed(4)}`)).festivals;

/** `{festival, editions}`, editions newest first (each with its line-up). */
export const festival = (key) => get(`/festivals/${segment(key)}`);

/** The festivals as GeoJSON (a FeatureCollection of Points, properties = the list row). */
export const festivalsGeoJson = () => get("/festivals.geojson");

/** `{band, genres, roles}`. */
export const band = (key) => get(`/bands/${segment(key)}`);

/** `{bandKey, bandName, festivals: [{festivalKey, festivalName, location, year, dates, size}]}`. */
export const bandFestivals = (key) => get(`/bands/${segment(key)}/festivals`);

/** Bands whose name contains `text`. */
export const findBands = async (text, limit = 20) =>
  (await get(`/bands?q=${encodeURIComponent(text)}&limit=${limit}`)).bands;

/** An iCalendar file of one festival. */
export const calendarUrl = (key) => `${base}/festivals/${segment(key)}.ics`;

/** An iCalendar feed of all festivals, or of the given ones. */
export const calendarFeedUrl = (keys = []) =>
  keys.length ? `${base}/festivals.ics?festivals=${keys.map(segment).join(",")}` : `${base}/festivals.ics`;
