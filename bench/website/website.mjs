// First and repeat visits to the website's timeline in Debian's Chromium, measured by the browser:
//  - cold cache (a fresh context each run): bytes received for the site's own origin (HTML, CSS, JS,
//    images, API answers; compressed, headers included; posters and map tiles live on other hosts
//    and are left out), API requests, and when the first .festival-card was on screen
//    (performance.now() in the page, from navigation start, at the first frame showing one);
//  - repeat visit (same context, nothing changed): responses whose body came over the network again.
// Usage: node website.mjs <base url> <runs>
import { chromium } from "playwright-core";

const [base, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 10);
const origin = new URL(base).origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/lib/chromium/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

const firstCardScript = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".festival-card")) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.firstCardMs = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
};

/** Loads the page and returns what the network saw: [{url, status, fromCache, bytes}]. */
async function visit(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  const statuses = new Map();
  cdp.on("Network.responseReceived", ({ requestId, response }) => requests.set(requestId, {
    url: response.url, status: response.status, fromCache: response.fromDiskCache || response.fromPrefetchCache, bytes: 0,
  }));
  // The raw status: for a revalidated response responseReceived shows the cached 200, this the 304.
  cdp.on("Network.responseReceivedExtraInfo", ({ requestId, statusCode }) => {
    statuses.set(requestId, statusCode);
  });
  cdp.on("Network.requestServedFromCache", ({ requestId }) => requests.set(requestId, { ...requests.get(requestId), fromCache: true }));
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) r.bytes = encodedDataLength;
  });
  await page.goto(`${base}/`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".festival-card");
  await page.waitForLoadState("networkidle");
  const firstCardMs = await page.evaluate(() => window.firstCardMs);
  await page.close();
  for (const [id, status] of statuses) if (requests.has(id)) requests.get(id).status = status;
  return { firstCardMs, requests: [...requests.values()].filter((r) => r.url?.startsWith(origin)) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const cold = [];
let repeat;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(firstCardScript);
  const first = await visit(context);
  cold.push({
    firstCardMs: first.firstCardMs,
    bytes: first.requests.reduce((sum, r) => sum + r.bytes, 0),
    requests: first.requests.length,
    api: first.requests.filter((r) => new URL(r.url).pathname.startsWith("/api/")).map((r) => new URL(r.url).pathname),
  });
  if (i === 0) {
    const again = await visit(context);
    repeat = {
      requests: again.requests.length,
      fromCache: again.requests.filter((r) => r.fromCache).length,
      revalidated: again.requests.filter((r) => r.status === 304).length,
      bodies: again.requests.filter((r) => !r.fromCache && r.status !== 304).map((r) => `${r.status} ${new URL(r.url).pathname}`),
    };
  }
  await context.close();
}
await browser.close();

for (const [i, run] of cold.entries()) {
  console.log(`cold run ${i + 1}: first card ${run.firstCardMs.toFixed(0)} ms, ${run.bytes} bytes in ${run.requests} requests, API ${run.api.length}: ${run.api.join(" ")}`);
}
console.log(`first visit (cold cache, 1280x720, median of ${runs}): first .festival-card ${median(cold.map((r) => r.firstCardMs)).toFixed(0)} ms` +
  ` (min ${Math.min(...cold.map((r) => r.firstCardMs)).toFixed(0)}, max ${Math.max(...cold.map((r) => r.firstCardMs)).toFixed(0)}),` +
  ` ${(median(cold.map((r) => r.bytes)) / 1024).toFixed(1)} KB transferred from the site's origin, ${median(cold.map((r) => r.api.length))} API requests`);
console.log(`repeat visit: ${repeat.requests} responses, ${repeat.fromCache} from the browser cache, ${repeat.revalidated} revalidated (304), ${repeat.bodies.length} bodies downloaded again${repeat.bodies.length ? ": " + repeat.bodies.join(" ") : ""}`);
