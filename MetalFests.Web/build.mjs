// Writes dist/: exactly the files to serve. Pages (*.html) keep their paths; every other file gets a
// content fingerprint in its name (name.<hash>.ext) and every reference to it (HTML src/href, CSS
// url()/@import, JS "./relative" strings and imports) is rewritten to that name, dependencies first,
// so a change anywhere changes the names of everything that points to it. dist/asset-manifest.json
// lists the fingerprinted files: they never change and may be cached for a year; the rest
// (pages, and the files whose names other sites' code relies on, see `stable`) must be revalidated.
//
//   npm run build                     (METALFESTS_TILE_URL=... to change the map's tile server)
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "src");
const output = join(here, "dist");

/** Files from npm, served under these site paths. */
const vendor = {
  "vendor/leaflet/leaflet.js": "node_modules/leaflet/dist/leaflet.js",
  "vendor/leaflet/leaflet.css": "node_modules/leaflet/dist/leaflet.css",
  ...Object.fromEntries(readdirSync(join(here, "node_modules/leaflet/dist/images"))
    .map((name) => [`vendor/leaflet/images/${name}`, `node_modules/leaflet/dist/images/${name}`])),
};

/** Served under their own names too: the map's markers are `<img src="img/metal-fests.png">` (frontend.md). */
const stable = new Set(["img/metal-fests.png"]);

/** A page served at another address too: `/map` is the timeline page with its map view open. */
const aliases = { "map/index.html": "index.html" };

/** Placeholders in pages, replaced at build time. */
const settings = {
  "%TILE_URL%": process.env.METALFESTS_TILE_URL || "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
};

const textTypes = new Set([".html", ".css", ".js", ".mjs", ".svg", ".json", ".txt", ".webmanifest"]);

function walk(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const sitePath = prefix ? `${prefix}/${name}` : name;
    return statSync(path).isDirectory() ? walk(path, sitePath) : [[sitePath, path]];
  });
}

const files = new Map([...walk(source), ...Object.entries(vendor).map(([site, file]) => [site, join(here, file)])]);

/** The site paths a file refers to, with the exact text of each reference. */
function references(sitePath, text) {
  const ext = extname(sitePath);
  const found = [];
  const add = (match, relativeOnly) => {
    const raw = match[1];
    const start = match.index + match[0].indexOf(raw);
    if (/^(?:[a-z]+:|\/\/|#|data:)/i.test(raw)) return;
    if (relativeOnly && !/^(?:\.\.?\/|\/)/.test(raw)) return;
    const clean = raw.split(/[?#]/)[0];
    const target = clean.startsWith("/") ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(sitePath), clean));
    if (files.has(target) && !target.endsWith(".html")) found.push({ start, end: start + raw.length, target });
  };
  if (ext === ".css") {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(m, false);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(m, false);
  } else if (ext === ".js" || ext === ".mjs") {
    for (const m of text.matchAll(/["'`](\.{0,2}\/[^"'`\s]+)["'`]/g)) add(m, true);
  } else if (ext === ".html" || ext === ".svg") {
    for (const m of text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) add(m, false);
  }
  return found.sort((a, b) => a.start - b.start).filter((r, i, all) => i === 0 || r.start >= all[i - 1].end);
}

const fingerprinted = new Map(); // site path -> fingerprinted site path
const contents = new Map(); // site path -> final bytes
const visiting = new Set();

function fingerprintedName(sitePath, bytes) {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const ext = extname(sitePath);
  return `${sitePath.slice(0, -ext.length)}.${hash}${ext}`;
}

/** Final bytes of a file, its dependencies done first. */
function build(sitePath) {
  if (contents.has(sitePath)) return contents.get(sitePath);
  if (visiting.has(sitePath)) throw new Error(`circular reference through ${sitePath}`);
  visiting.add(sitePath);
  let bytes = readFileSync(files.get(sitePath));
  if (textTypes.has(extname(sitePath))) {
    let text = bytes.toString("utf8");
    if (sitePath.startsWith("vendor/")) text = text.replace(/\n?\/\*# sourceMappingURL=.*?\*\/|\n?\/\/# sourceMappingURL=\S+/g, "");
    for (const [placeholder, value] of Object.entries(settings)) text = text.replaceAll(placeholder, value);
    const refs = references(sitePath, text);
    for (const { target } of refs) build(target);
    for (const { start, end, target } of refs.reverse()) {
      text = `${text.slice(0, start)}/${fingerprinted.get(target)}${text.slice(end)}`;
    }
    bytes = Buffer.from(text, "utf8");
  }
  if (!sitePath.endsWith(".html")) fingerprinted.set(sitePath, fingerprintedName(sitePath, bytes));
  contents.set(sitePath, bytes);
  visiting.delete(sitePath);
  return bytes;
}

function write(sitePath, bytes) {
  const path = join(output, sitePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

rmSync(output, { recursive: true, force: true });
for (const sitePath of files.keys()) build(sitePath);
for (const [sitePath, bytes] of contents) {
  if (sitePath.endsWith(".html")) {
    write(sitePath, bytes);
  } else {
    write(fingerprinted.get(sitePath), bytes);
    if (stable.has(sitePath)) write(sitePath, bytes);
  }
}
for (const [alias, page] of Object.entries(aliases)) write(alias, contents.get(page));

const immutable = [...fingerprinted.values()].sort();
write("asset-manifest.json", Buffer.from(JSON.stringify({ immutable }, null, 2) + "\n"));
console.log(`dist/: ${contents.size} source files, ${immutable.length} fingerprinted (${relative(process.cwd(), output) || "."})`);
