"""The floor of `plancheck audit`: read and schema-validate every document of a tree, nothing else.

    python -m bench.floor DIR --schema SCHEMA.json [--jobs N]

It picks the files `plancheck audit` picks (.yaml/.yml/.json under DIR, hidden folders skipped,
`plancheck/` in the first 4 KB), reads their bytes, parses them with yaml.CSafeLoader and validates
them against the JSON Schema of `plancheck schema` with jsonschema-rs, the validator plancheck uses. No
positions, no models, no superiors, no rules, no report: whatever plancheck does beyond this is its
own cost.

The loader is CSafeLoader with YAML 1.1's timestamp resolver removed, so that `2024-06-16` stays
text as in plancheck's YAML 1.2 reading (the schema wants a string); the C parser is the same.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from pathlib import Path

import jsonschema_rs
import yaml

SUFFIXES = (".yaml", ".yml", ".json")


class Loader(yaml.CSafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def candidates(root: Path) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(n for n in dirnames if not n.startswith("."))
        found += [os.path.join(dirpath, n) for n in sorted(filenames)
                  if n.endswith(SUFFIXES) and not n.startswith(".") and n != "plancheck-waivers.yaml"]
    return found


_validate = None


def _compile(schema_path: str) -> None:
    global _validate
    with open(schema_path, encoding="utf-8") as stream:
        _validate = jsonschema_rs.validator_for(json.load(stream)).is_valid


def check(paths: list[str]) -> tuple[int, int]:
    """(documents, invalid) among `paths`."""
    documents = invalid = 0
    for path in paths:
        with open(path, "rb") as stream:
            raw = stream.read()
        if b"plancheck/" not in raw[:4096]:
            continue
        documents += 1
        try:
            invalid += not _validate(yaml.load(raw, Loader=Loader))
        except yaml.YAMLError:
            invalid += 1
    return documents, invalid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--schema", required=True, help="the output of `plancheck schema`")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    paths = candidates(args.folder)
    if args.jobs <= 1:
        _compile(args.schema)
        documents, invalid = check(paths)
    else:
        chunk = 200
        chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
        with multiprocessing.get_context("fork").Pool(args.jobs, initializer=_compile, initargs=(args.schema,)) as pool:
            counts = pool.map(check, chunks, chunksize=1)
        documents, invalid = sum(c[0] for c in counts), sum(c[1] for c in counts)
    print(json.dumps({"documents": documents, "invalid": invalid}))
    return 0 if invalid == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
