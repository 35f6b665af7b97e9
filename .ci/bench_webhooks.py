"""Webhook delivery benchmark, run by `.ci/bench webhooks` and `.ci/bench webhooks-pile` against
their private instance.

Creates 50 webhooks (tokens sealed exactly as the portal does: AES-256-GCM under secret_key,
empty context) pointing at the test receiver on loopback, which verifies every signature with
standardwebhooks and answers 200. Then:
  1. latency: events committed one at a time, each for one webhook, spaced out: commit to first
     attempt on an idle system;
  2. burst: EVENTS events for all 50 webhooks committed in one statement: deliveries per second
     until every delivery is done, and commit to first attempt under that load.
Figures come from the database (webhook_events.created_at, webhook_delivery_attempts.started_at).

Pile mode (BENCH_MODE=pile, `.ci/bench webhooks-pile [N]`): one transaction enqueues N
claim.pile_vetting_done events of one pile (about 1.2 KB health-claim payloads), for one webhook
whose receiver answers 200 at once. They must arrive one at a time in claim-id order, so this
measures the per-delivery overhead of one pile stream: fan-out time, deliveries per second, the
gap between consecutive deliveries, and a check of order and exactly-once at the receiver.
Dead mode (BENCH_MODE=dead, `.ci/bench webhooks-dead [EVENTS]`): organization A has 4 dead webhooks
(two refuse connections, two answer 500 at once) with a backlog of 50,000 due deliveries written in
bulk; organization B's EVENTS new events (default 100), committed 100 ms apart, go to B's healthy
webhook. Prints B's commit-to-first-attempt p50/p99 and what A's webhooks got meanwhile.
Every wait is bounded; only loopback is used.
"""

import base64
import contextlib
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
import uuid

import socket

import pymysql
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
WEBHOOKS = 50


def message_id():
    return "msg_" + "".join(secrets.choice(ALPHABET) for _ in range(27))


def seal(key, token):
    nonce = os.urandom(12)
    return b"\x01" + nonce + AESGCM(key).encrypt(nonce, token.encode(), b"")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def wait_for(check, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.05)
    sys.exit("benchmark: timed out waiting for " + what)


def main():
    env = os.environ
    events_in_burst = int(env.get("BENCH_EVENTS", "200"))
    db = pymysql.connect(unix_socket=env["DB_SOCKET"], user="claimscore", password=env["DB_PASSWORD"],
                         database=env["DB_NAME"], autocommit=True)
    cursor = db.cursor()
    key = base64.b64decode(env["SECRET_KEY"])
    with receiver(env, 900) as port:
        if env.get("BENCH_MODE") == "pile":
            run_pile(cursor, key, port, events_in_burst)
        elif env.get("BENCH_MODE") == "dead":
            run_dead(cursor, key, port, events_in_burst)
        else:
            run(cursor, key, port, events_in_burst)


@contextlib.contextmanager
def receiver(env, max_seconds):
    """The verifying test receiver on a loopback port for the duration; yields the port."""
    port_file = env["VAR_DIR"] + "/run/receiver.port"
    if os.path.exists(port_file):
        os.remove(port_file)
    process = subprocess.Popen(
        [sys.executable, env["RECEIVER"], "--port-file", port_file, "--max-seconds", str(max_seconds)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: os.path.exists(port_file), 15, "the receiver")
        yield int(open(port_file).read())
    finally:
        process.kill()
        process.wait(timeout=10)


def configure(port, path, token, status=200):
    body = json.dumps({"path": path, "secret": token, "default": {"status": status, "body": "ok"}}).encode()
    request = urllib.request.Request("http://127.0.0.1:%d/_control/configure" % port, data=body, method="POST")
    urllib.request.urlopen(request, timeout=10).read()


def unverified(port, paths):
    return sum(1 for path in paths for record in received(port, path) if not record["verified"])


def received(port, path):
    with urllib.request.urlopen("http://127.0.0.1:%d/_control/log?path=%s" % (port, path), timeout=60) as answer:
        return json.load(answer)


def bench_case(cursor):
    """A health case of its own; returns (org, case)."""
    org, case = str(uuid.uuid4()), str(uuid.uuid4())
    cursor.execute("INSERT INTO organizations (id, name) VALUES (%s, 'bench')", (org,))
    cursor.execute("INSERT INTO cases (id, org_id, name, claim_type) VALUES (%s, %s, 'bench', 'health')", (case, org))
    return org, case


def add_webhook(cursor, key, port, org, case, status=200):
    """A webhook of the case posting to the receiver, which is told its token and the status to
    answer; returns (id, path)."""
    hook, token = str(uuid.uuid4()), "whsec_" + base64.b64encode(os.urandom(32)).decode()
    path = "/bench/" + hook
    configure(port, path, token, status)
    cursor.execute(
        "INSERT INTO webhooks (id, org_id, case_id, environment, name, url, secret_sealed, secret_hint)"
        " VALUES (%s, %s, %s, 'production', 'bench', %s, %s, %s)",
        (hook, org, case, "http://127.0.0.1:%d%s" % (port, path), seal(key, token), token[-4:]))
    return hook, path


def run(cursor, key, port, events_in_burst):
    org, case = bench_case(cursor)
    hooks = [add_webhook(cursor, key, port, org, case) for _ in range(WEBHOOKS)]
    payload = '{"id":1,"pile_id":null,"ref":"BENCH-1","billed_amount":12500.0,"items":[]}'
    insert = ("INSERT INTO webhook_events (message_id, org_id, case_id, environment, type, claim_id, payload,"
              " target_webhook_id) VALUES (%s, %s, %s, 'production', 'claim.scored', 1, %s, %s)")

    def done_count(first_event):
        cursor.execute("SELECT COUNT(*) FROM webhook_deliveries WHERE event_id >= %s AND state = 'delivered'",
                       (first_event,))
        return cursor.fetchone()[0]

    def first_attempt_latencies(first_event):
        cursor.execute(
            "SELECT TIMESTAMPDIFF(MICROSECOND, e.created_at, a.started_at) / 1000 FROM webhook_delivery_attempts a"
            " JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN webhook_events e ON e.id = d.event_id"
            " WHERE e.id >= %s AND a.attempt = 1", (first_event,))
        return [float(row[0]) for row in cursor.fetchall()]

    # 1. Idle latency: one event at a time, for one webhook each, 100 ms apart.
    cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_events")
    first = cursor.fetchone()[0]
    singles = 100
    for index in range(singles):
        cursor.execute(insert, (message_id(), org, case, payload, hooks[index % WEBHOOKS][0]))
        time.sleep(0.1)
    wait_for(lambda: done_count(first) >= singles, 60, "the single events")
    idle = first_attempt_latencies(first)
    print("webhooks idle:  %d events one at a time   commit->first attempt p50=%.1f ms p99=%.1f ms max=%.1f ms"
          % (singles, percentile(idle, 0.5), percentile(idle, 0.99), max(idle)))

    # 2. Burst: events for all 50 webhooks, committed in one statement.
    cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_events")
    first = cursor.fetchone()[0]
    rows = [(message_id(), org, case, payload, None) for _ in range(events_in_burst)]
    started = time.time()
    cursor.executemany(insert, rows)
    total = events_in_burst * WEBHOOKS
    wait_for(lambda: done_count(first) >= total, 600, "the burst")
    cursor.execute(
        "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(e.created_at), MAX(d.completed_at)) / 1e6 FROM webhook_deliveries d"
        " JOIN webhook_events e ON e.id = d.event_id WHERE e.id >= %s", (first,))
    seconds = float(cursor.fetchone()[0])
    burst = first_attempt_latencies(first)
    cursor.execute("SELECT COUNT(*) FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id"
                   " WHERE d.event_id >= %s", (first,))
    attempts = cursor.fetchone()[0]
    print("webhooks burst: %d events x %d webhooks = %d deliveries in %.2f s = %.0f deliveries/s (%d attempts)"
          % (events_in_burst, WEBHOOKS, total, seconds, total / seconds, attempts))
    print("webhooks burst: commit->first attempt p50=%.1f ms p99=%.1f ms (queueing behind the burst)"
          % (percentile(burst, 0.5), percentile(burst, 0.99)))
    print("webhooks: signatures rejected by standardwebhooks: %d (wall %.1f s)"
          % (unverified(port, [path for _, path in hooks]), time.time() - started))


PILE_ITEMS = [("DRG-0042", "Inpatient stay, general ward, per day", 2500, 2000, 2),
              ("LAB-1180", "Full blood count with differential", 450, 450, 1),
              ("RAD-2210", "Chest X-ray, two views", 1200, 1100, 1)]


def pile_payload(claim, pile, case):
    """The data of one claim.pile_vetting_done event: a vetted health claim of about 1.2 KB."""
    items = [{"ref": "it-%d" % index, "description": text, "code": code, "unit_price_billed": billed,
              "unit_price_approved": approved, "qty_billed": qty, "qty_approved": qty,
              "sub_total_billed": billed * qty, "sub_total_approved": approved * qty,
              "comments": [] if billed == approved else ["unit price reduced to tariff %d" % approved],
              "approval_status": 1} for index, (code, text, billed, approved, qty) in enumerate(PILE_ITEMS, 1)]
    return json.dumps({
        "id": claim, "pile_id": pile, "case_id": case, "environment": "production", "ref": "PILE-%d" % claim,
        "received_at": "2026-11-22T10:04:10.120Z", "scored_at": "2026-11-22T10:04:10.124Z",
        "enrollee_id": "ENR-%08d" % claim, "provider_id": "PRV-0193", "diagnosis": "J18.9",
        "encounter_date": "2026-11-20", "billed_amount": 6650.0, "approved_amount": 6550.0,
        "score": 1000, "determination": "pass", "deductions": [], "approval_status": 1,
        "vetted_at": "2026-11-22T10:05:00.000Z", "items": items}, separators=(",", ":"))


def run_pile(cursor, key, port, events):
    org, case = bench_case(cursor)
    hook, path = add_webhook(cursor, key, port, org, case)
    pile = int(time.time())
    rows = [(message_id(), org, case, claim, pile, pile_payload(claim, pile, case)) for claim in range(1, events + 1)]
    cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_events")
    first = cursor.fetchone()[0]
    # One transaction, in claim-id order, as a pile reaching vetting_done writes them.
    cursor.execute("START TRANSACTION")
    cursor.executemany(
        "INSERT INTO webhook_events (message_id, org_id, case_id, environment, type, claim_id, pile_id, payload)"
        " VALUES (%s, %s, %s, 'production', 'claim.pile_vetting_done', %s, %s, %s)", rows)
    cursor.execute("COMMIT")
    cursor.execute("SELECT NOW(6)")
    committed = cursor.fetchone()[0]
    started = time.time()
    print("webhooks pile: %d events of one pile (%d bytes each) committed in one transaction"
          % (events, len(rows[0][5])))

    def delivered():
        cursor.execute("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = %s AND state = 'delivered'",
                       (hook,))
        return cursor.fetchone()[0]

    wait_for(lambda: delivered() >= events, 120 + events / 20, "the pile")
    cursor.execute(
        "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(d.created_at), MAX(e.fanned_out_at)) / 1e6,"
        " TIMESTAMPDIFF(MICROSECOND, %s, MIN(a.started_at)) / 1e6 FROM webhook_events e"
        " JOIN webhook_deliveries d ON d.event_id = e.id JOIN webhook_delivery_attempts a ON a.delivery_id = d.id"
        " WHERE e.id >= %s", (committed, first))
    fan_out, to_first = (float(value) for value in cursor.fetchone())
    cursor.execute("SELECT COUNT(*) FROM webhook_delivery_attempts WHERE webhook_id = %s", (hook,))
    attempts = cursor.fetchone()[0]
    log = received(port, path)
    seconds = log[-1]["answered_at"] - log[0]["received_at"]
    starts = [b["received_at"] - a["received_at"] for a, b in zip(log, log[1:])]
    idle = [b["received_at"] - a["answered_at"] for a, b in zip(log, log[1:])]
    print("webhooks pile: fan-out transaction %.2f s; commit -> first delivery %.2f s" % (fan_out, to_first))
    print("webhooks pile: %d deliveries in %.2f s = %.0f deliveries/s (%d attempts)"
          % (len(log), seconds, len(log) / seconds, attempts))
    print("webhooks pile: start-to-start p50=%.2f ms p99=%.2f ms; answer-to-next-request p50=%.2f ms p99=%.2f ms"
          % tuple(1000 * value for value in (percentile(starts, 0.5), percentile(starts, 0.99),
                                              percentile(idle, 0.5), percentile(idle, 0.99))))
    claims = [json.loads(record["body"])["data"]["id"] for record in log]
    overlaps = sum(1 for a, b in zip(log, log[1:]) if b["received_at"] < a["answered_at"])
    ids = [record["webhook_id"] for record in log]
    problems = []
    if claims != list(range(1, events + 1)):
        problems.append("claim order broken or claims missing/repeated")
    if len(set(ids)) != len(ids) or len(ids) != events:
        problems.append("not exactly once: %d requests, %d distinct ids" % (len(ids), len(set(ids))))
    if overlaps:
        problems.append("%d requests started before the previous one was answered" % overlaps)
    bad = sum(1 for record in log if not record["verified"])
    if bad:
        problems.append("%d signatures rejected" % bad)
    print("webhooks pile: order and exactly-once %s (wall %.1f s)"
          % ("OK" if not problems else "FAILED: " + "; ".join(problems), time.time() - started))
    if problems:
        sys.exit(1)


def closed_port():
    """A loopback port nothing listens on: connections to it are refused at once."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def run_dead(cursor, key, port, events):
    org_a, case_a = bench_case(cursor)
    dead = [add_webhook(cursor, key, port, org_a, case_a, status=500)[0] for _ in range(2)]
    for _ in range(2):
        hook, path = add_webhook(cursor, key, port, org_a, case_a)
        cursor.execute("UPDATE webhooks SET url = %s WHERE id = %s", ("http://127.0.0.1:%d%s" % (closed_port(), path), hook))
        dead.append(hook)
    cursor.execute(
        "INSERT INTO webhook_events (message_id, org_id, case_id, environment, type, claim_id, payload, fanned_out_at)"
        " VALUES (%s, %s, %s, 'production', 'claim.scored', 1, '{}', NOW(6))", (message_id(), org_a, case_a))
    event = cursor.lastrowid
    started = time.time()
    for hook in dead:
        cursor.execute(
            "INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, next_attempt_at, created_at)"
            " SELECT %s, %s, seq, NOW(6) - INTERVAL 1 HOUR, NOW(6) - INTERVAL 1 HOUR FROM seq_1_to_12500",
            (event, hook))
    print("webhooks dead: 4 dead webhooks in A (2 refuse, 2 answer 500), 50,000 due deliveries written in %.2f s"
          % (time.time() - started))
    time.sleep(2)
    org_b, case_b = bench_case(cursor)
    hook_b, path_b = add_webhook(cursor, key, port, org_b, case_b)
    cursor.execute("SELECT COUNT(*) FROM webhook_delivery_attempts WHERE webhook_id IN (%s, %s, %s, %s)", dead)
    attempts_before = cursor.fetchone()[0]
    cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_events")
    first = cursor.fetchone()[0]
    started = time.time()
    for _ in range(events):
        cursor.execute(
            "INSERT INTO webhook_events (message_id, org_id, case_id, environment, type, claim_id, payload)"
            " VALUES (%s, %s, %s, 'production', 'claim.scored', 1, '{}')", (message_id(), org_b, case_b))
        time.sleep(0.1)

    def delivered():
        cursor.execute("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = %s AND state = 'delivered'",
                       (hook_b,))
        return cursor.fetchone()[0]

    wait_for(lambda: delivered() >= events, 120, "B's events")
    window = time.time() - started
    cursor.execute(
        "SELECT TIMESTAMPDIFF(MICROSECOND, e.created_at, a.started_at) / 1000 FROM webhook_delivery_attempts a"
        " JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN webhook_events e ON e.id = d.event_id"
        " WHERE d.webhook_id = %s AND a.attempt = 1 AND e.id >= %s", (hook_b, first))
    latencies = [float(row[0]) for row in cursor.fetchall()]
    cursor.execute("SELECT COUNT(*) FROM webhook_delivery_attempts WHERE webhook_id IN (%s, %s, %s, %s)", dead)
    attempts = cursor.fetchone()[0] - attempts_before
    cursor.execute("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id IN (%s, %s, %s, %s) AND state = 'pending'",
                   dead)
    backlog = cursor.fetchone()[0]
    try:
        cursor.execute("SELECT MIN(consecutive_failures), MAX(consecutive_failures) FROM webhooks"
                       " WHERE id IN (%s, %s, %s, %s)", dead)
        low, high = cursor.fetchone()
    except pymysql.MySQLError:  # a build without the circuit breaker, for comparison
        low, high = -1, -1
    print("webhooks dead: B %d events 100 ms apart beside A's backlog: commit->first attempt p50=%.1f ms"
          " p99=%.1f ms max=%.1f ms" % (len(latencies), percentile(latencies, 0.5), percentile(latencies, 0.99),
                                        max(latencies)))
    print("webhooks dead: A's webhooks meanwhile: %d attempts in %.1f s (%.1f/s), breaker failures %d-%d,"
          " %d deliveries still pending; B signatures rejected: %d"
          % (attempts, window, attempts / window, low, high, backlog, unverified(port, [path_b])))


if __name__ == "__main__":
    main()
