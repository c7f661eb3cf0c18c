#!/usr/bin/env python3
"""Writes N cases as one .jsonl (or .csv) from whatever case files are in Samples/ (YAML or JSON, any format
version): the samples in turn, each with a fresh case id, relative logo paths made absolute.

Usage: make-batch-input.py jsonl N OUT      make-batch-input.py csv N OUT
A CSV row can only hold a case whose lists hold plain values: samples with lists of mappings are left out of CSVs."""
import datetime, glob, json, os, sys

import yaml


def plain(value):
    """YAML dates and the like as the strings a JSON case holds."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def absolute_logos(value, folder):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "logo" and isinstance(v, str) and not v.startswith("/"):
                value[k] = os.path.abspath(os.path.join(folder, v))
            else:
                absolute_logos(v, folder)
    elif isinstance(value, list):
        for v in value:
            absolute_logos(v, folder)


def set_id(case, new_id):
    """The case id sits at case.id (format 1) or id (a later format): set whichever the sample has."""
    if isinstance(case.get("case"), dict) and "id" in case["case"]:
        case["case"]["id"] = new_id
    else:
        case["id"] = new_id


def samples():
    out = []
    for path in sorted(glob.glob("Samples/*.yaml") + glob.glob("Samples/*.yml") + glob.glob("Samples/*.json")):
        with open(path, encoding="utf-8") as f:
            case = plain(yaml.safe_load(f))
        absolute_logos(case, os.path.dirname(path))
        out.append(case)
    return out


def flatten(value, prefix, row):
    """Dot paths → cell text; False when the case has a list of mappings (no CSV form)."""
    if isinstance(value, dict):
        return all(flatten(v, prefix + [k], row) for k, v in value.items())
    if isinstance(value, list):
        if any(isinstance(v, (dict, list)) for v in value):
            return False
        row[".".join(prefix)] = "|".join(cell(v) for v in value)
        return True
    row[".".join(prefix)] = cell(value)
    return True


def cell(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "" if value is None else str(value)


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cases = samples()
    if kind == "jsonl":
        with open(out, "w", encoding="utf-8") as f:
            for i in range(n):
                case = json.loads(json.dumps(cases[i % len(cases)]))
                set_id(case, f"bulk-{i:06d}")
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
        return
    rows = []
    for case in cases:
        row = {}
        if flatten(case, [], row):
            rows.append(row)
    header = []
    for row in rows:
        header += [k for k in row if k not in header]
    id_column = "case.id" if "case.id" in header else "id"
    import csv
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row[id_column] = f"bulk-{i:06d}"
            writer.writerow([row.get(k, "") for k in header])


main()
