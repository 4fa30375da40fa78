#!/usr/bin/env python3
"""`make bench`: seed a synthetic city, serve it with the release binary and measure the hot
reads and writes with wrk, beside GET /api/health in the same run (docs/benchmarks.md).

Settings (environment):
  BENCH_SCALE      employees to seed (default 5500)
  BENCH_ENGINES    "sqlite postgres" (default); postgres needs BENCH_PG_URL or
                   TEST_DATABASE_URL (a server URL; a fresh database is created and dropped)
  BENCH_SECONDS    seconds per measurement (default 10)
  BENCH_CONNS      connections (default 64); BENCH_THREADS wrk threads (default 2)
  BENCH_PORT       port of the server under test (default 18200)
  BENCH_ONLY       comma-separated endpoint names to measure (default all)
  KINERJA_BIN      the binary (default $CARGO_TARGET_DIR/release/kinerja)
Writes target/bench/<engine>-<scale>.json and prints the table.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
BIN = os.environ.get("KINERJA_BIN") or os.path.join(TARGET, "release", "kinerja")
OUT = os.path.join(ROOT, "target", "bench")
SCALE = int(os.environ.get("BENCH_SCALE", "5500"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNS = int(os.environ.get("BENCH_CONNS", "64"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "18200"))
ONLY = [x for x in os.environ.get("BENCH_ONLY", "").split(",") if x]
PASSWORD = "Sintetis#2026"
BASE = f"http://127.0.0.1:{PORT}"


def die(msg):
    print(f"bench: {msg}", file=sys.stderr)
    sys.exit(1)


def call(method, path, token=None, body=None):
    req = urllib.request.Request(BASE + path, method=method)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, data, timeout=120) as r:
        raw = r.read()
        return r.status, (json.loads(raw) if raw[:1] in (b"{", b"[") else raw)


def login(user):
    _, body = call("POST", "/api/v1/auth/login", body={"username": user, "password": PASSWORD})
    return body["access_token"]


def rss_kb(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def to_ms(s):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", s)
    if not m:
        return None
    v, u = float(m.group(1)), m.group(2)
    return {"us": v / 1000, "ms": v, "s": v * 1000, "m": v * 60000}[u]


LUA = """
wrk.method = "{method}"
wrk.headers["Content-Type"] = "application/json"
{auth}
wrk.body = {body}
"""


def wrk(path, token=None, method="GET", body=None, conns=CONNS):
    script = LUA.format(
        method=method,
        auth=f'wrk.headers["Authorization"] = "Bearer {token}"' if token else "",
        body=json.dumps(json.dumps(body)) if body is not None else "nil",
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
        lua = f.name
    cmd = ["wrk", "-t", str(THREADS), "-c", str(conns), "-d", f"{SECONDS}s", "--latency",
           "--timeout", "10s", "-s", lua, BASE + path]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    os.unlink(lua)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": to_ms(p50.group(1)) if p50 else None,
        "p99_ms": to_ms(p99.group(1)) if p99 else None,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


def wait_up(proc):
    for _ in range(600):
        if proc.poll() is not None:
            die("the server exited; see target/bench/server.log")
        try:
            call("GET", "/api/health")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    die("the server did not answer /api/health")


def engine_env(engine, workdir):
    env = dict(os.environ)
    env.update({
        "KINERJA_BIND": f"127.0.0.1:{PORT}",
        "KINERJA_SEED_DEMO": "false",
        "KINERJA_ACCESS_TOKEN_TTL_SECS": "7200",
        "KINERJA_UPLOAD_DIR": os.path.join(workdir, "uploads"),
        # The citizen limits guard one address; the load generator is one address.
        "KINERJA_FEEDBACK_CLIENT_LIMIT_PER_HOUR": "100000000",
        "KINERJA_FEEDBACK_TOKEN_LIMIT_PER_MINUTE": "100000000",
        "KINERJA_FEEDBACK_CLIENT_BURST": "100000000",
        "KINERJA_FEEDBACK_TARGET_BURST": "100000000",
        "KINERJA_LOGIN_MAX_FAILURES": "100000",
        "KINERJA_LOG": os.environ.get("KINERJA_LOG", "warn"),
    })
    if engine == "sqlite":
        env["DATABASE_URL"] = f"sqlite://{workdir}/bench.db?mode=rwc"
        return env, None
    server = os.environ.get("BENCH_PG_URL") or os.environ.get("TEST_DATABASE_URL")
    if not server:
        return None, None
    name = f"kinerja_bench_{os.getpid()}"
    admin = server.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    env["DATABASE_URL"] = server.rsplit("/", 1)[0] + "/" + name
    return env, (admin, name)


def run_engine(engine):
    workdir = tempfile.mkdtemp(prefix=f"kinerja-bench-{engine}-")
    env, pg = engine_env(engine, workdir)
    if env is None:
        print(f"bench: {engine} skipped (set BENCH_PG_URL or TEST_DATABASE_URL)")
        return None
    os.makedirs(OUT, exist_ok=True)
    started = time.time()
    seed = subprocess.run([BIN, "seed", "--synthetic", "--employees", str(SCALE)],
                          env=env, capture_output=True, text=True)
    if seed.returncode != 0:
        die(f"seeding failed:\n{seed.stderr}")
    seed_s = time.time() - started
    print(seed.stdout)
    logins = {}
    for line in seed.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("admin", "hr", "kepala", "atasan", "pegawai"):
            logins.setdefault(parts[0], []).append(parts[1])
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|")
    log = open(os.path.join(OUT, f"server-{engine}.log"), "w")
    proc = subprocess.Popen([BIN, "serve"], env=env, stdout=log, stderr=log)
    try:
        wait_up(proc)
        rows = measure(engine, logins, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
        if pg:
            subprocess.run(["psql", pg[0], "-qc", f"DROP DATABASE IF EXISTS {pg[1]}"])
        shutil.rmtree(workdir, ignore_errors=True)
    result = {"engine": engine, "employees": SCALE, "seconds": SECONDS, "connections": CONNS,
              "seed_seconds": round(seed_s, 1), "rows": rows,
              "rss_peak_mb": max((r["rss_mb"] or 0) for r in rows) if rows else None}
    with open(os.path.join(OUT, f"{engine}-{SCALE}.json"), "w") as f:
        json.dump(result, f, indent=2)
    return result


def measure(engine, logins, pid):
    emp = login(logins["pegawai"][0])
    sup = login(logins["atasan"][0])
    head = login(logins["kepala"][-1])
    hr = login(logins["hr"][0])
    _, periods = call("GET", "/api/v1/periods", hr)
    items = periods["items"] if isinstance(periods, dict) else periods
    open_p = next(p for p in items if p["state"] == "open")
    done = [p for p in items if p["state"] == "published"]
    last = max(done, key=lambda p: p["number"])
    _, me = call("GET", "/api/v1/me", emp)
    my_nip = me.get("nip") or me.get("employee", {}).get("nip")
    unit = me.get("unit_code") or me.get("employee", {}).get("unit_code")
    _, targets = call("GET", "/api/v1/feedback-targets", hr)
    titems = targets["items"] if isinstance(targets, dict) else targets
    token = titems[0]["token"]
    _, team = call("GET", f"/api/v1/periods/{open_p['id']}/team", sup)
    members = team["items"] if isinstance(team, dict) and "items" in team else team
    member = members[0]["nip"] if isinstance(members, list) and members else my_nip
    reads = [
        ("/me", "/api/v1/me", emp),
        ("/me/results", "/api/v1/me/results", emp),
        ("/me/360", f"/api/v1/me/360?period_id={last['id']}", emp),
        ("citizen feedback (own)", f"/api/v1/employees/{my_nip}/citizen-feedback", emp),
        ("team (supervisor)", f"/api/v1/periods/{open_p['id']}/team", sup),
        ("IKM of a unit", f"/api/v1/ikm/units/{unit}", head),
        ("HR period results", f"/api/v1/periods/{last['id']}/results", hr),
        ("HR 9-box grid", "/api/v1/talent/grid", hr),
        ("HR candidates", "/api/v1/talent/candidates", hr),
        ("HR 360 progress", f"/api/v1/periods/{open_p['id']}/360/progress", hr),
    ]
    answers = {f"u{i}": 3 + (i % 2) for i in range(1, 10)}
    writes = [
        ("POST citizen submission", f"/api/v1/public/feedback/{token}", None, "POST",
         {"answers": answers, "comment": None}),
        ("PUT rating (open period)", f"/api/v1/periods/{open_p['id']}/evaluations/{member}", sup,
         "PUT", {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai",
                 "justification": "Sesuai pengamatan harian atasan selama triwulan berjalan."}),
    ]
    rows = []
    hr_conns = int(os.environ.get("BENCH_HR_CONNS", "4"))
    for name, path, tok in reads:
        if ONLY and name not in ONLY:
            continue
        status, body = call("GET", path, tok)
        size = len(json.dumps(body)) if not isinstance(body, bytes) else len(body)
        conns = hr_conns if name.startswith("HR") else CONNS
        rows.append(one(name, pid, lambda: wrk(path, tok, conns=conns), size, conns))
    for name, path, tok, method, body in writes:
        if ONLY and name not in ONLY:
            continue
        rows.append(one(name, pid, lambda: wrk(path, tok, method, body), None, CONNS))
    return rows


def one(name, pid, run, size, conns):
    health = wrk("/api/health", conns=conns)
    r = run()
    rss = rss_kb(pid)
    row = {"endpoint": name, "rps": r["rps"], "health_rps": health["rps"],
           "ratio": round(r["rps"] / health["rps"], 3) if health["rps"] else None,
           "p50_ms": r["p50_ms"], "p99_ms": r["p99_ms"], "non_2xx": r["non_2xx"],
           "timeouts": r["timeouts"], "connections": conns, "bytes": size,
           "rss_mb": round(rss / 1024, 1) if rss else None}
    print_row(row)
    return row


HEADER = "| endpoint | req/s | health req/s | ratio | p50 ms | p99 ms | RSS MB | conns | non-2xx |"


def print_row(r):
    def f(v, d=1):
        return "–" if v is None else f"{v:.{d}f}"
    print(f"| {r['endpoint']} | {f(r['rps'])} | {f(r['health_rps'])} | {f(r['ratio'], 3)} | "
          f"{f(r['p50_ms'], 2)} | {f(r['p99_ms'], 2)} | {f(r['rss_mb'])} | {r['connections']} | "
          f"{r['non_2xx']} |", flush=True)


def main():
    if not shutil.which("wrk"):
        die("wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu) or `brew install wrk`")
    if not os.path.exists(BIN):
        die(f"{BIN} missing: run `cargo build --release --bin kinerja` (make bench does)")
    engines = os.environ.get("BENCH_ENGINES", "sqlite postgres").split()
    for engine in engines:
        print(f"\n## {engine}, {SCALE} employees, {CONNS} connections, {SECONDS} s each\n")
        res = run_engine(engine)
        if res:
            print(f"\nseed: {res['seed_seconds']} s; peak RSS seen: {res['rss_peak_mb']} MB; "
                  f"JSON: target/bench/{engine}-{SCALE}.json")


if __name__ == "__main__":
    main()
