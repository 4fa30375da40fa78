"""schemathesis hooks for Kinerja360 (loaded by scripts/schemathesis.sh).

Path parameters are drawn mostly from ids that exist in the database under test (the JSON
written by scripts/fuzz_ids.py, named by SCHEMATHESIS_REAL_IDS), so that operations get past
404 and their bodies, permissions and state rules are exercised; the rest of the time the
generated value is kept, so unknown and malformed ids are still tried.
"""
import json
import os
import uuid

import schemathesis
from hypothesis import strategies as st

# The share of test cases whose path parameters come from real ids.
REAL_SHARE = 0.8

# The collection segment before `{id}` names what the id is.
ID_KIND_BY_SEGMENT = {
    "api-keys": "api_key",
    "appeals": "appeal",
    "coaching": "coaching",
    "development-items": "development_item",
    "evidence": "evidence",
    "feedback-targets": "feedback_target",
    "feedback": "feedback_submission",
    "periods": "period",
    "ratings360": "rating360",
    "realisasi": "realisasi",
    "trainings": "training",
}
KIND_BY_NAME = {
    "nip": "nip",
    "code": "unit_code",
    "year": "year",
    "token": "token",
    "cert_id": "certificate",
    "period_id": "period",
    "indicator_id": "indicator",
}


def _load():
    path = os.environ.get("SCHEMATHESIS_REAL_IDS")
    if not path:
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


REAL = _load()


def _kind(path, name):
    if name != "id":
        return KIND_BY_NAME.get(name)
    segments = path.strip("/").split("/")
    for i, seg in enumerate(segments):
        if seg == "{id}" and i > 0:
            return ID_KIND_BY_SEGMENT.get(segments[i - 1])
    return None


def _real_values(path, name):
    kind = _kind(path, name)
    values = REAL.get(kind, []) if kind else []
    if kind == "year":
        return [int(v) for v in values]
    return values


def _schema_valid(name, value):
    """Whether a drawn value is valid for its schema: only those are replaced, so a case
    generated to be invalid (negative testing) stays invalid."""
    if name == "year":
        return isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100
    if name in ("nip", "code", "token"):
        return isinstance(value, str)
    try:
        uuid.UUID(str(value))
        return True
    except ValueError:
        return False


@schemathesis.hook
def flatmap_path_parameters(ctx, path_parameters):
    if not REAL or not path_parameters or ctx.operation is None:
        return st.just(path_parameters)
    path = ctx.operation.path
    choices = {}
    for name in path_parameters:
        values = _real_values(path, name)
        if values and _schema_valid(name, path_parameters[name]):
            choices[name] = values
    if not choices:
        return st.just(path_parameters)

    def replace(draws):
        use_real, picked = draws
        if not use_real:
            return path_parameters
        out = dict(path_parameters)
        out.update(picked)
        return out

    picked = st.fixed_dictionaries({n: st.sampled_from(v) for n, v in choices.items()})
    use_real = st.floats(min_value=0, max_value=1).map(lambda x: x < REAL_SHARE)
    return st.tuples(use_real, picked).map(replace)
