#!/usr/bin/env python3
"""Expands a SAM template into plain CloudFormation JSON, offline, for the local cloud.

The local cloud creates infra/template.yaml on an AWS emulator whose CloudFormation does not
know the SAM transform, so the transform runs here first, exactly as AWS would run it:

    translate.py <template.yaml> [--parameter Name=Value ...]

prints the CloudFormation template as JSON on stdout. Two things make it work without an AWS
account:

* Local CodeUri paths (the Maven-built zips) become s3://local-bucket/<file>.zip placeholders,
  because the translator only accepts S3 locations; the local runtime runs the handlers from the
  classpath and never reads that code.
* The managed-policy loader answers with an empty map instead of listing IAM policies: the
  translator then resolves AWS managed policy names from the list it bundles.

Errors go to stderr, one line each, and the exit status is 1 (2 for bad arguments).
"""

import argparse
import json
import os
import posixpath
import sys

import yaml

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.model.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

PLACEHOLDER_BUCKET = "local-bucket"

# Properties that name a local code artifact, per SAM resource type.
CODE_PROPERTIES = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::LayerVersion": "ContentUri",
}


class OfflinePolicyLoader:
    """Stands in for the IAM-backed loader; an empty map sends the translator to its bundled list."""

    def load(self):
        return {}


def placeholder_uri(code_uri):
    """s3://local-bucket/<name>.zip for a local path; S3 locations and intrinsics stay as they are."""
    if not isinstance(code_uri, str) or code_uri.startswith("s3://"):
        return code_uri
    name = posixpath.basename(code_uri.replace("\\", "/").rstrip("/")) or "code"
    if not name.endswith(".zip"):
        name += ".zip"
    return f"s3://{PLACEHOLDER_BUCKET}/{name}"


def rewrite_code_uris(template):
    globals_function = (template.get("Globals") or {}).get("Function") or {}
    if "CodeUri" in globals_function:
        globals_function["CodeUri"] = placeholder_uri(globals_function["CodeUri"])
    for resource in (template.get("Resources") or {}).values():
        prop = CODE_PROPERTIES.get(resource.get("Type")) if isinstance(resource, dict) else None
        properties = resource.get("Properties") if prop else None
        if isinstance(properties, dict) and prop in properties:
            properties[prop] = placeholder_uri(properties[prop])


def parse_parameters(pairs):
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise argparse.ArgumentTypeError(f"parameter must be Name=Value, got {pair!r}")
        values[name] = value
    return values


def main(argv):
    parser = argparse.ArgumentParser(description="Expand a SAM template to CloudFormation JSON, offline.")
    parser.add_argument("template", help="path to the SAM template (YAML or JSON)")
    parser.add_argument("--parameter", action="append", default=[], metavar="Name=Value",
                        help="template parameter value; repeatable")
    args = parser.parse_args(argv)
    try:
        parameters = parse_parameters(args.parameter)
    except argparse.ArgumentTypeError as e:
        parser.error(str(e))

    try:
        with open(args.template, encoding="utf-8") as f:
            template = yaml_parse(f.read())
    except (OSError, ValueError, yaml.YAMLError) as e:
        print(f"Cannot read SAM template {args.template}: {e}", file=sys.stderr)
        return 1
    if not isinstance(template, dict):
        print(f"{args.template} is not a template (no top-level mapping)", file=sys.stderr)
        return 1

    rewrite_code_uris(template)
    try:
        translated = transform(template, parameters, OfflinePolicyLoader())
    except InvalidDocumentException as e:
        print(f"{args.template}: {e.message}", file=sys.stderr)
        for cause in e.causes:
            print(f"  {cause.message}", file=sys.stderr)
        return 1

    json.dump(translated, sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
