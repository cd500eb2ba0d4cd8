#!/usr/bin/env python3
"""The template's checkov gate: every failed check must be explained by infra/checkov-skips.yaml.

    checkov_gate.py <checkov JSON report> <skip list>

Reads checkov's JSON report (`checkov -o json`) and the skip list, and prints what passed, what
each skip category accepted and every failure no entry explains. Exits 1 on such a failure, on
an entry that explains no failure any more (so the list cannot rot), and on an entry without a
reason; 0 otherwise. Run by infra/local/lint.sh.
"""

import json
import sys
from collections import Counter

import yaml


def load_report(path):
    with open(path, encoding="utf-8") as report:
        text = report.read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        sys.exit(f"checkov wrote no JSON report to {path}: {text[:500]}")
    reports = data if isinstance(data, list) else [data]
    passed, failed = [], []
    for one in reports:
        results = one.get("results") or {}
        passed += results.get("passed_checks") or []
        failed += results.get("failed_checks") or []
        if one.get("summary", {}).get("parsing_errors"):
            sys.exit(f"checkov could not parse the template: {one['summary']}")
    return passed, failed


def load_skips(path):
    with open(path, encoding="utf-8") as skips:
        entries = (yaml.safe_load(skips) or {}).get("skips") or []
    problems = []
    for number, entry in enumerate(entries, 1):
        for field in ("check", "resources", "category", "reason"):
            if not entry.get(field):
                problems.append(f"skip #{number} ({entry.get('check', '?')}) has no {field}")
    return entries, problems


def explains(entry, finding):
    """Whether the entry accepts the finding: same check, on a listed type or Type.LogicalId."""
    resource = finding["resource"]  # Type.LogicalId
    resource_type = resource.split(".", 1)[0]
    return entry["check"] == finding["check_id"] and (resource in entry["resources"]
                                                        or resource_type in entry["resources"])


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    passed, failed = load_report(argv[1])
    entries, problems = load_skips(argv[2])
    used = Counter()
    by_category = Counter()
    unexplained = []
    for finding in failed:
        entry = next((e for e in entries if explains(e, finding)), None)
        if entry is None:
            unexplained.append(finding)
        else:
            used[id(entry)] += 1
            by_category[entry["category"]] += 1
    stale = [e for e in entries if not used[id(e)]]

    print(f"checkov: {len(passed)} passed, {len(failed) - len(unexplained)} failed with a reason in the skip list,"
          f" {len(unexplained)} failed without one")
    for category, count in by_category.most_common():
        print(f"  {count:4d}  {category}")
    for finding in unexplained:
        print(f"UNEXPLAINED {finding['check_id']} {finding['resource']}: {finding['check_name']}")
    for entry in stale:
        problems.append(f"skip {entry['check']} on {entry['resources']} explains no failed check: remove it")
    for problem in problems:
        print(f"SKIP LIST: {problem}")
    return 1 if unexplained or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
