"""Pile benchmark, run by `.ci/bench piles [CLAIMS]` against its private instance, through nginx.

1. Ingest: CLAIMS health claims sent to one pile in requests of 1000 (POST …/piles, then
   POST …/piles/{id}/claims), one after another: claims/s accepted.
2. Vetting: POST …/piles/{id}/submit, then the background worker vets every claim: claims/s
   from submitted_at to vetted_at (the pile row), and the time to write the per-claim
   claim.pile_vetting_done events (vetted_at to done_at).
3. Delivery: one webhook on a loopback receiver (verifies every signature, answers 200 at once):
   events/s from the first attempt to the last delivery, strictly one after another in claim-id
   order; the order and exactly-once are checked from the delivery rows.
Every wait is bounded; only loopback is used.
"""

import base64
import json
import os
import sys
import time
import urllib.request

import pymysql

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_webhooks import add_webhook, receiver, wait_for  # noqa: E402


def claim(ref, index):
    qty = 1 + index % 5
    unlisted = index % 3 == 0
    return {
        "ref": ref, "provider": {"id": 10 + index % 7, "name": "Clinic %d" % (index % 7), "code": "CL-%d" % (index % 7)},
        "enrollee_id": 500000 + index, "encounter_date": "2026-11-01T00:00:00Z",
        "billed_amount": float(2500 * qty + 1500), "diagnoses": [{"name": "Malaria", "icd_code": "B54"}],
        "items": [
            {"ref": ref + "-1", "description": "Artemether/Lumefantrine 80/480", "code": "DRG-0042",
             "unit_price_billed": 2500, "qty_billed": qty},
            {"ref": ref + "-2", "description": "Unlisted" if unlisted else "Malaria RDT",
             "code": "XXX-9" if unlisted else "LAB-0001", "unit_price_billed": 1500, "qty_billed": 1},
        ],
    }


def post(base, path, key, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def main():
    env = os.environ
    count = int(env.get("BENCH_CLAIMS", "100000"))
    base = env["BASE_URL"] + "/api/v1/orgs/%s/cases/%s" % (env["BENCH_ORG"], env["BENCH_HEALTH"])
    key = env["BENCH_KEY"]
    db = pymysql.connect(unix_socket=env["DB_SOCKET"], user="claimscore", password=env["DB_PASSWORD"],
                         database=env["DB_NAME"], autocommit=True)
    cursor = db.cursor()
    with receiver(env, 3600) as port:
        hook, _ = add_webhook(cursor, base64.b64decode(env["SECRET_KEY"]), port, env["BENCH_ORG"], env["BENCH_HEALTH"])
        run(cursor, base, key, count, hook)


def run(cursor, base, key, count, hook):
    ref = "BENCH-PILE-%d" % int(time.time())
    started = time.time()
    pile = None
    for start in range(0, count, 1000):
        claims = [claim("%s-%d" % (ref, i), i) for i in range(start, min(count, start + 1000))]
        if pile is None:
            pile = post(base, "/piles", key, {"ref": ref, "claims": claims})["id"]
        else:
            post(base, "/piles/%d/claims" % pile, key, {"claims": claims})
    ingest = time.time() - started
    print("piles ingest:   %d claims in %d requests of 1000 in %.1f s = %.0f claims/s"
          % (count, (count + 999) // 1000, ingest, count / ingest))

    post(base, "/piles/%d/submit" % pile, key, {})

    def status():
        cursor.execute("SELECT status FROM piles WHERE id = %s", (pile,))
        return cursor.fetchone()[0]

    wait_for(lambda: status() == "vetting_done", 3600, "vetting")
    cursor.execute("SELECT TIMESTAMPDIFF(MICROSECOND, submitted_at, vetted_at) / 1e6,"
                   " TIMESTAMPDIFF(MICROSECOND, vetted_at, done_at) / 1e6 FROM piles WHERE id = %s", (pile,))
    vetting, finishing = (float(v) for v in cursor.fetchone())
    print("piles vetting:  %d claims vetted in %.1f s = %.0f claims/s (submit to last claim vetted)"
          % (count, vetting, count / vetting))
    print("piles done:     %d claim.pile_vetting_done events written in one transaction in %.1f s"
          % (count, finishing))

    def delivered():
        cursor.execute("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = %s AND pile_id = %s"
                       " AND state = 'delivered'", (hook, pile))
        return cursor.fetchone()[0]

    wait_for(lambda: delivered() >= count, 7200, "delivery")
    cursor.execute(
        "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(first_attempt_at), MAX(completed_at)) / 1e6,"
        " TIMESTAMPDIFF(MICROSECOND, (SELECT done_at FROM piles WHERE id = %s), MIN(first_attempt_at)) / 1e3"
        " FROM webhook_deliveries WHERE webhook_id = %s AND pile_id = %s", (pile, hook, pile))
    seconds, first_ms = (float(v) for v in cursor.fetchone())
    cursor.execute("SELECT d.claim_id FROM webhook_deliveries d WHERE d.webhook_id = %s AND d.pile_id = %s"
                   " ORDER BY d.first_attempt_at, d.id", (hook, pile))
    order = [row[0] for row in cursor.fetchall()]
    in_order = order == sorted(order) and len(set(order)) == count
    cursor.execute("SELECT COUNT(*) FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id"
                   " WHERE d.webhook_id = %s AND d.pile_id = %s", (hook, pile))
    attempts = cursor.fetchone()[0]
    print("piles delivery: %d events to one webhook in %.1f s = %.0f events/s, one after another"
          " (first attempt %.0f ms after vetting_done; %d attempts; claim-id order and exactly once: %s)"
          % (count, seconds, count / seconds, first_ms, attempts, "yes" if in_order else "NO"))


if __name__ == "__main__":
    main()
