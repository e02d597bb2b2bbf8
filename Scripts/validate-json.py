#!/usr/bin/env python3
"""Validate nianbao report JSON files against the contract's JSON Schema.

Usage:
    Scripts/validate-json.py SCHEMA.json PATH [PATH ...]

SCHEMA.json is the schema text (`nianbao schema > schema.json`, or ReportSchema.json from Swift).
Each PATH is a JSON file or a folder; a folder contributes every `*.json` file in it (not
recursive; `schema.json` itself is skipped). A file holding JSON Lines (`*.jsonl`) is validated
line by line.

Prints one line per problem (`file[:line]: json.path: message`) and a summary; exits 0 when every
document is valid, 1 when any is invalid, 2 on usage errors or when `jsonschema` is missing.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("validate-json: the Python package 'jsonschema' is required (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)


def documents(path):
    """Yield (label, parsed JSON or exception) for one file."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield path, error
        return
    if path.endswith(".jsonl"):
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield f"{path}:{number}", json.loads(line)
                except ValueError as error:
                    yield f"{path}:{number}", error
    else:
        try:
            yield path, json.loads(text)
        except ValueError as error:
            yield path, error


def files(paths, schema_path):
    schema_real = os.path.realpath(schema_path)
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                full = os.path.join(path, name)
                if (name.endswith(".json") or name.endswith(".jsonl")) and os.path.isfile(full) \
                        and os.path.realpath(full) != schema_real:
                    yield full
        else:
            yield path


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema_path, paths = argv[1], argv[2:]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    total = invalid = 0
    for path in files(paths, schema_path):
        for label, document in documents(path):
            total += 1
            if isinstance(document, Exception):
                invalid += 1
                print(f"{label}: not JSON: {document}")
                continue
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            if errors:
                invalid += 1
                for error in errors:
                    where = ".".join(str(part) for part in error.absolute_path) or "(root)"
                    print(f"{label}: {where}: {error.message}")
    print(f"validated {total} document(s): {total - invalid} valid, {invalid} invalid")
    if total == 0:
        print("validate-json: no JSON files found", file=sys.stderr)
        return 2
    return 0 if invalid == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
