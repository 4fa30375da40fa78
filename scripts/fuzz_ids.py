#!/usr/bin/env python3
"""Real ids for the schemathesis run (issue: fuzzing as every role gets past 404).

Reads a Kinerja360 database (SQLite file or PostgreSQL, the URL the server was started
with) and writes JSON: for each path parameter kind, a sample of ids that exist. The
hooks in scripts/schemathesis_hooks.py draw path parameters from it most of the time.

Usage: fuzz_ids.py DATABASE_URL OUT.json [--focus-email EMAIL]
  --focus-email  put this account's own NIP and its direct reports first among the NIPs
                 (the employee role mostly acts on itself and its team)

Only ids are read; nothing is written to the database.
"""
import json
import subprocess
import sys
import uuid
from urllib.parse import urlparse

# kind -> (SQL returning one column, how many to keep)
QUERIES = {
    "period": ("SELECT id FROM periods ORDER BY starts_on DESC", 12),
    "appeal": ("SELECT id FROM appeals", 20),
    "api_key": ("SELECT id FROM api_keys", 10),
    "coaching": ("SELECT id FROM coaching_sessions", 20),
    "development_item": ("SELECT id FROM development_items", 20),
    "certificate": ("SELECT id FROM development_certificates", 10),
    "evidence": ("SELECT id FROM evidence", 20),
    "feedback_target": ("SELECT id FROM feedback_targets", 20),
    "feedback_submission": ("SELECT id FROM feedback_submissions ORDER BY created_at DESC", 30),
    "rating360": ("SELECT id FROM ratings_360", 40),
    "realisasi": ("SELECT id FROM realisasi", 30),
    "training": ("SELECT id FROM trainings", 20),
    "indicator": ("SELECT id FROM indicators", 30),
    "nip": ("SELECT nip FROM employees ORDER BY nip", 40),
    "unit_code": ("SELECT code FROM units ORDER BY code", 30),
    "year": ("SELECT DISTINCT year FROM skps", 5),
    "token": ("SELECT token FROM feedback_targets WHERE active", 20),
}

FOCUS_SQL = (
    "SELECT e.nip FROM employees e JOIN users u ON u.employee_id = e.id WHERE u.email = '{email}' "
    "UNION ALL SELECT s.nip FROM employees s JOIN employees e ON s.supervisor_id = e.id "
    "JOIN users u ON u.employee_id = e.id WHERE u.email = '{email}'"
)


def text(value):
    if isinstance(value, (bytes, bytearray)) and len(value) == 16:
        return str(uuid.UUID(bytes=bytes(value)))
    return str(value)


def sqlite_rows(path, sql):
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [text(r[0]) for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def pg_rows(url, sql):
    out = subprocess.run(
        ["psql", "-X", "-q", "-At", "-d", url, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in out.splitlines() if line]


def main():
    args = sys.argv[1:]
    focus = None
    if "--focus-email" in args:
        i = args.index("--focus-email")
        focus = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    url, out = args
    if url.startswith("sqlite:"):
        path = urlparse(url).path
        rows = lambda sql: sqlite_rows(path, sql)  # noqa: E731
    elif url.startswith("postgres"):
        rows = lambda sql: pg_rows(url, sql)  # noqa: E731
    else:
        print(f"fuzz_ids.py: unsupported database URL {url!r}", file=sys.stderr)
        return 2
    ids = {}
    for kind, (sql, keep) in QUERIES.items():
        ids[kind] = rows(sql)[:keep]
    if focus:
        if "'" in focus:
            print("fuzz_ids.py: bad e-mail", file=sys.stderr)
            return 2
        mine = rows(FOCUS_SQL.format(email=focus))
        ids["nip"] = mine + [n for n in ids["nip"] if n not in mine]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(ids, fh, indent=1)
    print("real ids: " + ", ".join(f"{k} {len(v)}" for k, v in ids.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
