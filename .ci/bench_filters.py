"""Claim list filter benchmark, run by `.ci/bench filters [CLAIMS]` against its private instance.

1. Seeds one health case with CLAIMS claims (default 1,000,000) inside MariaDB: INSERT … SELECT
   from the SEQUENCE engine in chunks of 100,000, received_at spread evenly over 2024-01-01 to
   2026-07-01, determinations 70 % pass, 15 % review, 10 % fail, 5 % insufficient; the newest
   fifth (at most 200,000) in one pile.
2. Times GET …/claims through nginx (one keep-alive connection, the API key of the case) for every
   combination of the list filters, each with a value that matches much, little and nothing:
   ref (absent, present, missing), determination (absent, pass, insufficient), since (absent,
   2024-03-01, 2027-01-01), until (absent, 2025-01-01, 2024-01-15): 81 combinations, each as a first
   page and as a deep page (the cursor of the case's middle claim), RUNS times each (median and
   max). Then the same on the pile's claim list (…/piles/{id}/claims).
3. Prints a table and the slowest answers; exits 1 if any answer was not 200.
"""

import base64
import http.client
import itertools
import os
import statistics
import sys
import time
import urllib.parse

import pymysql

CHUNK = 100_000
START = "2024-01-01 00:00:00"
SPAN_SECONDS = 913 * 86400  # to 2026-07-01
RUNS = 3

REQUEST = (
    "CONCAT('{\"ref\":\"BF-', n, '\",\"provider\":{\"id\":17,\"name\":\"St. Luke Clinic\",\"code\":\"SLC-017\"},"
    "\"enrollee_id\":', n, ',\"encounter_date\":\"2024-01-01T00:00:00.000000Z\",\"billed_amount\":11000.0,"
    "\"diagnoses\":[{\"name\":\"Malaria\",\"icd_code\":\"B54\"}],\"items\":[]}')"
)
DETERMINATION = ("CASE WHEN n MOD 20 < 14 THEN 'pass' WHEN n MOD 20 < 17 THEN 'review' WHEN n MOD 20 < 19 THEN 'fail'"
                 " ELSE 'insufficient' END")


def seed(cursor, org, case, count):
    """The case's claims, oldest first, ids and received_at rising together; returns the pile id."""
    pile_size = min(200_000, count // 5)
    cursor.execute(
        "INSERT INTO piles (org_id, case_id, environment, ref, status, claims_received, claims_vetted, created_at,"
        " submitted_at, vetted_at, done_at) VALUES (%s, %s, 'production', 'BENCH-PILE', 'vetting_done', %s, %s,"
        " NOW(6), NOW(6), NOW(6), NOW(6))", (org, case, pile_size, pile_size))
    pile = cursor.lastrowid
    step = SPAN_SECONDS * 1_000_000 // count
    started = time.monotonic()
    cursor.execute("SET SESSION unique_checks = 0")
    for offset in range(0, count, CHUNK):
        size = min(CHUNK, count - offset)
        cursor.execute(
            "INSERT INTO claims (org_id, case_id, environment, pile_id, ref, content_hash, received_at, scored_at,"
            " score, determination, request_json, result_json)"
            " SELECT %s, %s, 'production', IF(n > %s, %s, NULL), CONCAT('BF-', n), UNHEX(SHA2(CONCAT('BF-', n), 256)),"
            " t, t, IF(n MOD 20 = 19, NULL, 1000 - (n MOD 7) * 50), " + DETERMINATION + ", " + REQUEST + ","
            " '{\"deductions\":[],\"items\":[]}'"
            " FROM (SELECT seq + %s AS n, TIMESTAMPADD(MICROSECOND, (seq + %s) * %s, %s) AS t"
            " FROM seq_1_to_" + str(size) + ") s",
            (org, case, count - pile_size, pile, offset, offset, step, START))
        print("  seeded %d of %d claims (%.0f s)" % (offset + size, count, time.monotonic() - started), flush=True)
    return pile, time.monotonic() - started


def cursor_for(claim_id):
    return base64.urlsafe_b64encode(("c1:%d" % claim_id).encode()).decode().rstrip("=")


def combinations(ref_present):
    refs = [None, ref_present, "NO-SUCH-REF"]
    determinations = [None, "pass", "insufficient"]
    sinces = [None, "2024-03-01T00:00:00Z", "2027-01-01T00:00:00Z"]
    untils = [None, "2025-01-01T00:00:00Z", "2024-01-15T00:00:00Z"]
    for ref, determination, since, until in itertools.product(refs, determinations, sinces, untils):
        query = {}
        if ref:
            query["ref"] = ref
        if determination:
            query["determination"] = determination
        if since:
            query["since"] = since
        if until:
            query["until"] = until
        yield query


def timed(connection, path, key):
    started = time.perf_counter()
    connection.request("GET", path, headers={"Authorization": "Bearer " + key})
    answer = connection.getresponse()
    body = answer.read()
    return (time.perf_counter() - started) * 1000, answer.status, body


def run_list(connection, base, key, deep_cursor, ref_present, label):
    rows = []
    for query in combinations(ref_present):
        for page in ("first", "deep"):
            q = dict(query)
            if page == "deep":
                q["cursor"] = deep_cursor
            path = base + "?" + urllib.parse.urlencode(q)
            times = []
            for _ in range(RUNS):
                ms, status, body = timed(connection, path, key)
                if status != 200:
                    print("FAILED %s -> %d %s" % (path, status, body[:200]), file=sys.stderr)
                    return None
                times.append(ms)
            name = "&".join("%s=%s" % (k, v if k != "ref" else ("present" if v == ref_present else "missing"))
                            for k, v in query.items()) or "(no filter)"
            rows.append((label, name, page, statistics.median(times), max(times), body.count(b'"id":')))
    return rows


def main():
    env = os.environ
    count = int(env.get("BENCH_CLAIMS", "1000000"))
    key = env["BENCH_KEY"]
    db = pymysql.connect(unix_socket=env["DB_SOCKET"], user="claimscore", password=env["DB_PASSWORD"],
                         database=env["DB_NAME"], autocommit=True)
    cursor = db.cursor()
    print("seeding %d claims into one case (the newest fifth, at most 200,000, in one pile)" % count, flush=True)
    pile, seconds = seed(cursor, env["BENCH_ORG"], env["BENCH_HEALTH"], count)
    print("seeded %d claims in %.0f s" % (count, seconds), flush=True)
    cursor.execute("ANALYZE TABLE claims")
    cursor.fetchall()
    # Ids have gaps (bulk inserts reserve them in blocks): the deep cursors are real claims.
    cursor.execute("SELECT id FROM claims WHERE case_id = %s ORDER BY id LIMIT 1 OFFSET %s",
                   (env["BENCH_HEALTH"], count // 2))
    middle = cursor.fetchone()[0]
    cursor.execute("SELECT id FROM claims WHERE pile_id = %s ORDER BY id LIMIT 1 OFFSET %s",
                   (pile, min(200_000, count // 5) // 2))
    pile_middle = cursor.fetchone()[0]
    ref_present = "BF-%d" % (count // 2)
    pile_ref = "BF-%d" % (count - 10)
    connection = http.client.HTTPConnection("127.0.0.1", int(env["BENCH_PORT"]), timeout=60)
    prefix = "/api/v1/orgs/%s/cases/%s" % (env["BENCH_ORG"], env["BENCH_HEALTH"])
    timed(connection, prefix + "/claims", key)  # warm the connection and the key cache
    rows = run_list(connection, prefix + "/claims", key, cursor_for(middle), ref_present, "case")
    if rows is None:
        return 1
    pile_rows = run_list(connection, prefix + "/piles/%d/claims" % pile, key, cursor_for(pile_middle),
                         pile_ref, "pile")
    if pile_rows is None:
        return 1
    rows += pile_rows
    print()
    print("%-5s %-74s %-5s %9s %9s %5s" % ("list", "filters", "page", "median", "max", "rows"))
    for label, name, page, median, worst, found in rows:
        print("%-5s %-74s %-5s %7.1fms %7.1fms %5d" % (label, name, page, median, worst, found))
    print()
    print("slowest (median of %d runs, through nginx, %d claims in the case, %d in the pile):" % (
        RUNS, count, min(200_000, count // 5)))
    for label, name, page, median, worst, found in sorted(rows, key=lambda r: -r[3])[:8]:
        print("  %-5s %-70s %-5s median %6.1f ms, max %6.1f ms" % (label, name, page, median, worst))
    slowest = max(r[3] for r in rows)
    print("requests: %d; every answer 200; slowest median %.1f ms; slowest single answer %.1f ms" % (
        len(rows) * RUNS, slowest, max(r[4] for r in rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
