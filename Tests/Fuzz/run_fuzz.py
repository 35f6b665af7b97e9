"""Schema-driven fuzzing of the API with schemathesis (run by .ci/test), every check enabled.

The served OpenAPI document is fetched and pinned to a real organization, in two passes:
- health: every operation, on the fuzz organization's health case (piles take health claims);
- settlement: the operations outside /piles, on its settlement case.
In each pass org_id and case_id are pinned to that case, and the claim request schema (the
served document says "settlement or health, as the case's claim_type decides") is narrowed to
the variant that case accepts. Nothing else is changed: schemathesis sends positive and
negative cases (examples, coverage, fuzzing and stateful phases) and applies all its checks (no
5xx; status codes, content types, headers and response schemas as documented; schema-valid data
accepted and invalid data rejected; 405 with Allow for undeclared methods; missing auth refused;
use after free; resource availability; ...). Any failure fails the run.

Bounded: --max-examples per operation and phase, 2 workers, a request rate cap and a wall-clock
timeout per pass; each pass prints its case count.

Usage: run_fuzz.py BASE_URL ORG_ID SETTLEMENT_CASE_ID HEALTH_CASE_ID API_KEY OUT_DIR
"""

import copy
import json
import subprocess
import sys
import urllib.request
from pathlib import Path


def pin(document: dict, org: str, case: str, claim_schema: str) -> dict:
    """The served document, pinned to one organization and one of its cases."""
    document = copy.deepcopy(document)
    parameters = document["components"]["parameters"]
    for item in document["paths"].values():
        pinned = []
        for parameter in item.get("parameters", []):
            name = parameter.get("$ref", "").rsplit("/", 1)[-1]
            if name in ("OrgID", "CaseID"):
                parameter = copy.deepcopy(parameters[name])
                parameter["schema"] = {"type": "string", "enum": [org if name == "OrgID" else case]}
            pinned.append(parameter)
        if pinned:
            item["parameters"] = pinned
    narrowed = {"$ref": f"#/components/schemas/{claim_schema}"}
    document["components"]["schemas"]["ClaimRequest"] = narrowed
    for item in document["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            for media in content.values():
                if media.get("schema") == {"$ref": "#/components/schemas/ClaimRequest"}:
                    media["schema"] = narrowed  # straight to the variant, so its examples are used
    return document


def run(base: str, key: str, schema: Path, out_dir: Path, extra: list[str]) -> int:
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "run", str(schema),
        "--url", base,
        "--checks", "all",
        "--header", f"Authorization: Bearer {key}",
        "--max-examples", "40",
        "--seed", "20261123",
        "--workers", "2",
        "--rate-limit", "40/s",
        "--request-timeout", "10",
        "--generation-database", "none",
        "--no-color",
        "--report", "junit",
        "--report-dir", str(out_dir),
        *extra,
    ]
    return subprocess.run(command, timeout=600).returncode


def main() -> int:
    base, org, settlement, health, key, out = sys.argv[1:7]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=10) as response:
        document = json.load(response)
    passes = [
        ("health", health, "HealthClaimRequest", []),
        ("settlement", settlement, "SettlementClaimRequest", ["--exclude-path-regex", "/piles"]),
    ]
    status = 0
    for name, case, claim_schema, extra in passes:
        schema = out_dir / f"openapi-{name}.json"
        schema.write_text(json.dumps(pin(document, org, case, claim_schema)))
        print(f"==> fuzz pass: {name} case", flush=True)
        status |= run(base, key, schema, out_dir / name, extra)
    return status


if __name__ == "__main__":
    sys.exit(main())
