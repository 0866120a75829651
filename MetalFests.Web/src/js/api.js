// The one module that knows the API: its URLs and its error envelope
// ({"error": {code, message, details, timestamp, requestId}}). Components ask it for data and
// links; none of them builds a URL.

const base = "/api";
const failureListeners = new Set();
const cache = new Map();

/** A failed call: `status` 0 when the API could not be reached at all. */
export class ApiError extends Error {
  constructor(status, code, message, retryAfterSeconds, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details ?? {};
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
  throw report(errorOf(response, envelope));
}

/** The envelope of a refused call as an {@link ApiError} (details: the field, the invalid references…). */
function errorOf(response, envelope) {
  const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
  return new ApiError(response.status, envelope?.error?.code ?? "HTTP_" + response.status,
    envelope?.error?.message ?? response.statusText, retryAfter, envelope?.error?.details);
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

// The editors' calls: the API key (kept in localStorage until "Sign out") goes as X-Api-Key with every
// write and every /admin/ read, writes carry If-Match, and every read revalidates (no-cache), so an
// editor always sees the current state. Public reads (the band lists, a band's page) go without the
// key: the edge never caches a request that carries one, and it serves them current because every
// write evicts what it changed.

const adminKeyStorage = "metalfests.adminKey";

/** The key kept in localStorage, or null when signed out. */
export const adminKey = () => localStorage.getItem(adminKeyStorage);
export const keepAdminKey = (key) => localStorage.setItem(adminKeyStorage, key);
export const forgetAdminKey = () => localStorage.removeItem(adminKeyStorage);

/** One editor's request: `{json, etag}`, or an {@link ApiError} (status 0 when unreachable). */
async function adminRequest(method, path, { body, ifMatch, key = adminKey() } = {}) {
  const headers = { Accept: "application/json" };
  if (key && (method !== "GET" || path.startsWith("/admin/"))) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  let response;
  try {
    response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-cache" });
  } catch {
    throw new ApiError(0, "UNREACHABLE", "The API cannot be reached.");
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response, json);
  return { json, etag: response.headers.get("ETag") };
}

const etagOf = (version) => (version === undefined || version === null ? undefined : `"${version}"`);

/** Checks a key with a real admin read (read permission, no side effect). */
export const checkAdminKey = (key) => adminRequest("GET", "/admin/stats", { key });

/** Every festival's list row, fresh. */
export const festivalRows = async () => (await adminRequest("GET", "/festivals")).json.festivals;

/** A festival and its editions (newest first), each with the `version` its write sends back as If-Match. */
export const festivalForEditing = async (key) => (await adminRequest("GET", `/admin/festivals/${segment(key)}`)).json;

export const putFestival = (key, body, version) => adminRequest("PUT", `/admin/festivals/${segment(key)}`, { body, ifMatch: etagOf(version) });

export const putEdition = (key, year, body, version) =>
  adminRequest("PUT", `/festivals/${segment(key)}/editions/${segment(year)}`, { body, ifMatch: etagOf(version) });

/** The largest page of the band lists. */
export const bandPageLimit = 500;

/**
 * Every band of one review status, page by page: `onPage(rows, total)` after each page, so a list can
 * grow while the rest loads; stops when `isCancelled()` says so.
 */
export async function eachBandPage(reviewed, onPage, isCancelled = () => false) {
  const list = reviewed ? "/bands/reviewed" : "/bands/unreviewed";
  for (let offset = 0; ; offset += bandPageLimit) {
    const { json } = await adminRequest("GET", `${list}?limit=${bandPageLimit}&offset=${offset}`);
    if (isCancelled()) return;
    await onPage(json.bands, json.total);
    if (json.bands.length === 0 || offset + json.bands.length >= json.total) return;
  }
}

/** `{band, genres, roles, etag}`: the band as stored (genre and role keys) and its version as ETag. */
export async function bandForEditing(key) {
  const { json, etag } = await adminRequest("GET", `/bands/${segment(key)}`);
  return { ...json, etag };
}

/** The band PUT replaces the whole band: `body` holds every field. */
export const putBand = (key, body, etag) => adminRequest("PUT", `/bands/${segment(key)}`, { body, ifMatch: etag });

export const listGenres = async () => (await adminRequest("GET", "/genres")).json.genres;
export const listRoles = async () => (await adminRequest("GET", "/roles")).json.roles;
