#!/usr/bin/env python3
"""Guard rails of the server's shape (ADR 0011), run by `make test`.

Fails when
  * a source file under backend/server/src passes 600 lines;
  * a layer names a layer above it, or a crate it must not touch:
      api     (thin handlers)  may use app, auth, dto, error, state, events; not store,
                               entity or SeaORM;
      app     (use cases)      not api, not actix-web;
      dto     (wire types)     not api, app, store, SeaORM or actix-web;
      store   (queries)        not api, app, dto, auth::policy or actix-web;
      domain  (pure rules)     not api, app, dto, store, state, auth, entity, SeaORM or
                               actix-web;
      auth::policy             not api or app;
      seeders, import, cli     not api;
      openapi                  not startup (the document is built without that cycle).

Paths are found in `use` trees (braces included) and in qualified paths in code, relative
(`super::`) ones resolved against the file's module.

Usage: scripts/check_layers.py [SRC_DIR]   (default backend/server/src)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MAX_LINES = 600

# layer → forbidden top-level modules of this crate, and forbidden external crates
RULES: dict[str, tuple[set[str], set[str]]] = {
    "api": ({"store"}, {"sea_orm", "entity"}),
    "app": ({"api"}, {"actix_web"}),
    "dto": ({"api", "app", "store"}, {"sea_orm", "actix_web"}),
    "store": ({"api", "app", "dto", "auth::policy"}, {"actix_web"}),
    "domain": ({"api", "app", "dto", "store", "state", "auth"}, {"sea_orm", "actix_web", "entity"}),
    "auth/policy": ({"api", "app"}, set()),
    "seed": ({"api"}, set()),
    "import": ({"api"}, set()),
    "cli": ({"api"}, set()),
    "openapi": ({"startup"}, set()),
}


def layer_of(rel: Path) -> str | None:
    parts = rel.parts
    if parts[:2] == ("auth", "policy"):
        return "auth/policy"
    head = parts[0].removesuffix(".rs")
    if head.startswith("seed"):
        return "seed"
    return head if head in RULES else None


def module_path(rel: Path) -> list[str]:
    parts = list(rel.with_suffix("").parts)
    if parts and parts[-1] == "mod":
        parts.pop()
    return parts


def strip_comments_and_strings(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def expand_use_tree(tree: str) -> list[str]:
    """`a::{b, c::{d, e}}` → [`a::b`, `a::c::d`, `a::c::e`]."""
    tree = re.sub(r"\s+", "", tree)
    out: list[str] = []

    def walk(prefix: str, s: str) -> None:
        depth, start, items = 0, 0, []
        for i, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                items.append(s[start:i])
                start = i + 1
        items.append(s[start:])
        for item in filter(None, items):
            brace = item.find("{")
            if brace >= 0 and item.endswith("}"):
                walk(prefix + item[:brace], item[brace + 1 : -1])
            else:
                out.append(prefix + item)

    walk("", tree)
    return out


def resolve(path: str, module: list[str]) -> str:
    """Makes `super::x`, `self::x` and `crate::x` absolute (`crate::` dropped)."""
    segs = path.split("::")
    if segs[0] == "crate":
        return "::".join(segs[1:])
    if segs[0] in ("super", "self"):
        base = list(module)
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super" and base:
                base.pop()
            segs.pop(0)
        return "::".join(base + segs)
    return path  # an external crate, or a name brought in by `use`


def referenced_paths(text: str, module: list[str]) -> set[str]:
    code = strip_comments_and_strings(text)
    paths: set[str] = set()
    imported: dict[str, str] = {}
    for m in re.finditer(r"\buse\s+([^;]+);", code):
        for p in expand_use_tree(m.group(1)):
            p = re.sub(r"\s+as\s+\w+$", "", p) if " as " in p else p
            absolute = resolve(p.split(" as ")[0], module)
            paths.add(absolute)
            last = absolute.split("::")[-1]
            imported[last] = absolute
    for m in re.finditer(r"\b((?:crate|super|self)(?:::\w+)+)", code):
        paths.add(resolve(m.group(1), module))
    # `store::x(...)` after `use crate::store;` and friends
    for m in re.finditer(r"(?<![:\w])(\w+)::\w+", code):
        name = m.group(1)
        if name in imported:
            paths.add(imported[name])
    return paths


def external_crates(text: str) -> set[str]:
    code = strip_comments_and_strings(text)
    return {m.group(1) for m in re.finditer(r"(?<![:\w])(sea_orm|actix_web|entity)::", code)}


def main() -> int:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "backend/server/src")
    problems: list[str] = []
    files = sorted(src.rglob("*.rs"))
    for f in files:
        rel = f.relative_to(src)
        text = f.read_text(encoding="utf-8")
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        if lines > MAX_LINES:
            problems.append(f"{f}: {lines} lines (at most {MAX_LINES}: split it)")
        layer = layer_of(rel)
        if layer is None:
            continue
        banned_mods, banned_crates = RULES[layer]
        module = module_path(rel)
        for path in sorted(referenced_paths(text, module)):
            for banned in banned_mods:
                if path == banned or path.startswith(banned + "::"):
                    problems.append(f"{f}: layer `{layer}` must not use `crate::{path}`")
        for crate in sorted(external_crates(text) & banned_crates):
            problems.append(f"{f}: layer `{layer}` must not use `{crate}`")
    for p in problems:
        print(p)
    print(f"layer check: {len(files)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
