"""Unique request paths per benchmarked endpoint, from data/db.json (bench/long-tail.sh).

Usage: urls.py <db.json> <out dir> <endpoint> [extra: band genre keys / role keys / cursors file]
Writes <out dir>/<endpoint>.txt, one path a line, none repeated: every request of a run misses the edge cache
as long as the run sends fewer requests than the file has lines (the script reports repeats).
"""
import json, random, sys, unicodedata, urllib.parse

db, out, endpoint = sys.argv[1], sys.argv[2], sys.argv[3]
data = json.load(open(db, encoding="utf-8"))
rnd = random.Random(13)
q = urllib.parse.quote


def plain(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def word_prefixes(names):
    """Every prefix (2 letters or more) of every word of the names, as typed: lower, Capitalized, UPPER."""
    seen = set()
    for name in names:
        for word in plain(name).replace("-", " ").split():
            word = "".join(c for c in word if c.isalnum())
            for n in range(2, len(word) + 1):
                seen.add(word[:n].lower())
    terms = sorted(seen)
    return terms + [t.capitalize() for t in terms] + [t.upper() for t in terms]


bands = [b for b in data["bands"] if b.get("name")]
festivals = data["festivals"]
countries = sorted({b["country"] for b in bands if b.get("country")})
paths = []
if endpoint == "band-search":
    terms = word_prefixes(b["name"] for b in bands)
    # More than a run sends: each prefix also as typed with random capitals ("iRoN"), a new term to the edge.
    terms = list(dict.fromkeys(terms + ["".join(c.upper() if rnd.random() < 0.5 else c for c in t) for t in terms * 12]))
    rnd.shuffle(terms)
    paths = [f"/api/bands?limit=20&q={q(t)}" for t in terms]
elif endpoint == "festival-search":
    terms = word_prefixes([f["name"] for f in festivals] + [f["location"] for f in festivals])
    for t in terms:
        for month in range(5, 10):
            paths.append(f"/api/festivals?q={q(t)}&from=2026-{month:02d}-{rnd.randint(1, 28):02d}")
    for _ in range(300_000):
        paths.append(f"/api/festivals?near={rnd.uniform(36, 70):.4f},{rnd.uniform(-10, 30):.4f}&radiusKm={rnd.randint(100, 2000)}")
    rnd.shuffle(paths)
elif endpoint == "band-filters":
    genres = sorted({g for b in bands for g in b.get("genres", [])})
    for country in countries:
        for limit in range(1, 101):
            for offset in range(0, 20):
                paths.append(f"/api/bands?country={q(country)}&limit={limit}&offset={offset}")
    for limit in range(1, 101):
        for offset in range(0, 1700, 20):
            paths.append(f"/api/bands/reviewed?limit={limit}&offset={offset}")
    rnd.shuffle(paths)
elif endpoint in ("genre-bands", "role-members"):
    keys = sys.argv[4].split(",")
    kind, rows = ("genres", "bands") if endpoint == "genre-bands" else ("roles", "members")
    paths = [f"/api/{kind}/{k}/{rows}?limit={limit}&offset={offset}" for k in keys for limit in range(1, 101) for offset in range(0, 300)]
    rnd.shuffle(paths)
elif endpoint == "v2-cursor":
    cursors = [c.strip() for c in open(sys.argv[4], encoding="utf-8") if c.strip()]
    paths = [f"/api/v2/bands?limit={limit}&cursor={q(c)}" for c in cursors for limit in range(1, 501)]
    rnd.shuffle(paths)
else:
    sys.exit(f"unknown endpoint {endpoint}")
with open(f"{out}/{endpoint}.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(paths) + "\n")
print(len(paths))
