"""Schema-driven fuzzing of the claim API with schemathesis (run by .ci/test).

The served OpenAPI document is fetched, its org_id and case_id path parameters are pinned to a
real organization and case (so requests get past the tenant check and reach validation and
scoring), and schemathesis sends positive and negative cases. The run fails on any 5xx.

Usage: run_fuzz.py BASE_URL ORG_ID CASE_ID API_KEY OUT_DIR
"""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path


def main() -> int:
    base, org, case, key, out = sys.argv[1:6]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=10) as response:
        document = json.load(response)
    parameters = document["components"]["parameters"]
    parameters["OrgID"]["schema"] = {"type": "string", "enum": [org]}
    parameters["CaseID"]["schema"] = {"type": "string", "enum": [case]}
    schema = out_dir / "openapi-pinned.json"
    schema.write_text(json.dumps(document))
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "run", str(schema),
        "--url", base,
        "--checks", "not_a_server_error",
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
    ]
    completed = subprocess.run(command, timeout=900)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
