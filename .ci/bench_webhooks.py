"""Webhook delivery benchmark, run by `.ci/bench webhooks` against its private instance.

Creates 50 webhooks (tokens sealed exactly as the portal does: AES-256-GCM under secret_key,
empty context) pointing at the test receiver on loopback, which verifies every signature with
standardwebhooks and answers 200. Then:
  1. latency: events committed one at a time, each for one webhook, spaced out: commit to first
     attempt on an idle system;
  2. burst: EVENTS events for all 50 webhooks committed in one statement: deliveries per second
     until every delivery is done, and commit to first attempt under that load.
Figures come from the database (webhook_events.created_at, webhook_delivery_attempts.started_at).
Every wait is bounded; only loopback is used.
"""

import base64
import os
import secrets
import subprocess
import sys
import time
import uuid

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
    port_file = env["VAR_DIR"] + "/run/receiver.port"
    if os.path.exists(port_file):
        os.remove(port_file)
    receiver = subprocess.Popen([sys.executable, env["RECEIVER"], "--port-file", port_file, "--max-seconds", "900"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: os.path.exists(port_file), 15, "the receiver")
        port = int(open(port_file).read())
        run(cursor, key, port, events_in_burst)
    finally:
        receiver.kill()
        receiver.wait(timeout=10)


def configure(port, path, token):
    import json
    import urllib.request
    body = json.dumps({"path": path, "secret": token}).encode()
    request = urllib.request.Request("http://127.0.0.1:%d/_control/configure" % port, data=body, method="POST")
    urllib.request.urlopen(request, timeout=10).read()


def unverified(port, paths):
    import json
    import urllib.request
    bad = 0
    for path in paths:
        with urllib.request.urlopen("http://127.0.0.1:%d/_control/log?path=%s" % (port, path), timeout=30) as answer:
            bad += sum(1 for record in json.load(answer) if not record["verified"])
    return bad


def run(cursor, key, port, events_in_burst):
    org, case = str(uuid.uuid4()), str(uuid.uuid4())
    cursor.execute("INSERT INTO organizations (id, name) VALUES (%s, 'bench')", (org,))
    cursor.execute("INSERT INTO cases (id, org_id, name, claim_type) VALUES (%s, %s, 'bench', 'health')", (case, org))
    hooks = []
    for _ in range(WEBHOOKS):
        hook, token = str(uuid.uuid4()), "whsec_" + base64.b64encode(os.urandom(32)).decode()
        path = "/bench/" + hook
        configure(port, path, token)
        cursor.execute(
            "INSERT INTO webhooks (id, org_id, case_id, environment, name, url, secret_sealed, secret_hint)"
            " VALUES (%s, %s, %s, 'production', 'bench', %s, %s, %s)",
            (hook, org, case, "http://127.0.0.1:%d%s" % (port, path), seal(key, token), token[-4:]))
        hooks.append((hook, path))
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


if __name__ == "__main__":
    main()
