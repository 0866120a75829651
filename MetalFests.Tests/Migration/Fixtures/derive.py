#!/usr/bin/env python3
"""Derives the two small db.json fixtures of HistoricalShapeMigrationTests from data/db.json (see README.md).

Run from the repository root: python3 MetalFests.Tests/Migration/Fixtures/derive.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
HERE = pathlib.Path(__file__).resolve().parent

# Two festivals, a few line-up entries each: two bands whose names have non-ASCII letters (Hällas, Ström),
# a dangling reference (amh: a stub band), a band on both festivals (roy-khan), a band listed twice (kissin-dynamite).
LINEUPS = {
    "sweden-rock-festival": ["iron-maiden", "hllas", "gehenna", "strm", "amh", "roy-khan"],
    "karmygeddon-metal-festival-2026": ["dark-tranquillity", "roy-khan", "kissin-dynamite"],
}
# Older keys: the name lower-cased, spaces as hyphens, its non-ASCII letters kept (as the upstream keyed them once).
OLD_KEYS = {"hllas": "hällas", "strm": "ström", "karmygeddon-metal-festival-2026": "karmøygeddon-metal-festival-2026", "mr": "múr"}
# A band only the older file has (dropped from the file since), from a record of today's; it also lacks genres and members.
OLD_ONLY = "mr"


def main():
    db = json.loads((ROOT / "data" / "db.json").read_text(encoding="utf-8"))
    records = {}
    for band in db["bands"]:
        records.setdefault(band["key"], band)
    festivals = []
    for festival in db["festivals"]:
        if festival["key"] in LINEUPS:
            lineup = [b for b in festival["bands"] if b["key"] in LINEUPS[festival["key"]]]
            festivals.append(dict(festival, bands=lineup))
    keys = sorted({b["key"] for f in festivals for b in f["bands"] if b["key"] in records})
    current = {"festivals": festivals, "bands": [records[k] for k in keys]}
    write("current.json", current)

    def old(key):
        return OLD_KEYS.get(key, key)

    older_festivals = [
        dict(f, key=old(f["key"]), bands=[{"key": old(b["key"]), "name": b["name"]} for b in f["bands"]])  # no size yet
        for f in festivals
    ]
    older_bands = [dict(b, key=old(b["key"])) for b in current["bands"]]
    only = {k: v for k, v in records[OLD_ONLY].items() if k not in ("genres", "members")}
    older_bands.append(dict(only, key=old(OLD_ONLY)))
    write("older.json", {"festivals": older_festivals, "bands": older_bands})


def write(name, content):
    (HERE / name).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
