// The editors' calls to the API: the only admin code that knows URLs, the X-Api-Key header, If-Match and
// the error envelope ({"error": {code, message, details, timestamp, requestId}}).

const KEY_STORAGE = "metalfests.adminKey";

/** The key kept in localStorage, or null when signed out. */
export function storedKey() {
  return localStorage.getItem(KEY_STORAGE);
}

export function keepKey(key) {
  localStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  localStorage.removeItem(KEY_STORAGE);
}

/** A refusal of the API: its HTTP status and the envelope's code, message and details. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `The API answered ${status}`);
    this.status = status;
    this.code = error?.code ?? null;
    this.details = error?.details ?? {};
    this.requestId = error?.requestId ?? null;
  }
}

/**
 * One request. Editors always see the current state: the browser revalidates with the edge (no-cache),
 * and the edge has evicted whatever a write changed. Network failures become status 0.
 */
async function request(method, path, { body, ifMatch, key = storedKey() } = {}) {
  const headers = { Accept: "application/json" };
  if (key) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-cache" });
  } catch {
    throw new ApiError(0, { code: "NETWORK_ERROR", message: "The API cannot be reached." });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) throw new ApiError(response.status, json?.error);
  return { json, etag: response.headers.get("ETag") };
}

const path = (strings, ...values) => strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i]) : ""), "");

/** Checks a key with a real admin read (read permission, no side effect). */
export const checkKey = (key) => request("GET", "/api/admin/stats", { key });

export const listFestivals = async () => (await request("GET", "/api/festivals")).json.festivals;

/** A festival and its editions (newest first), each with the version its writes send back as If-Match. */
export const festivalForEditing = async (key) => (await request("GET", path`/api/admin/festivals/${key}`)).json;

export const putFestival = (key, body, version) =>
  request("PUT", path`/api/admin/festivals/${key}`, { body, ifMatch: etagOf(version) });

export const putEdition = (key, year, body, version) =>
  request("PUT", path`/api/festivals/${key}/editions/${year}`, { body, ifMatch: etagOf(version) });

/** Band look-up by name. */
export const searchBands = async (q, limit = 10) => (await request("GET", `/api/bands?q=${encodeURIComponent(q)}&limit=${limit}`)).json.bands;

export const BAND_PAGE_LIMIT = 500;

/**
 * Every band of one review status, page by page (the API's largest page): calls onPage(rows, total)
 * after each page, so the list can grow while the rest loads; stops early when isCancelled() says so.
 */
export async function eachBandPage(reviewed, onPage, isCancelled = () => false) {
  const list = reviewed ? "/api/bands/reviewed" : "/api/bands/unreviewed";
  for (let offset = 0; ; offset += BAND_PAGE_LIMIT) {
    const { json } = await request("GET", `${list}?limit=${BAND_PAGE_LIMIT}&offset=${offset}`);
    if (isCancelled()) return;
    await onPage(json.bands, json.total);
    if (offset + json.bands.length >= json.total || json.bands.length === 0) return;
  }
}

/** A band as stored (genre and role keys) with its version (the ETag). */
export async function band(key) {
  const { json, etag } = await request("GET", path`/api/bands/${key}`);
  return { ...json, etag };
}

/** The band PUT is a full replacement: body holds every field. */
export const putBand = (key, body, etag) => request("PUT", path`/api/bands/${key}`, { body, ifMatch: etag });

export const listGenres = async () => (await request("GET", "/api/genres")).json.genres;
export const listRoles = async () => (await request("GET", "/api/roles")).json.roles;

function etagOf(version) {
  return version === undefined || version === null ? undefined : `"${version}"`;
}
