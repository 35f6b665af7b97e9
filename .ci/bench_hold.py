"""nginx that holds: `.ci/bench hold [SLOW] [FLOOD] [SECONDS]`, through the shipped nginx limits, loopback only.

1. Slow headers: SLOW connections (default 9000) from 127.0.0.2, each sending a partial request and
   one more header line every 3 s (reconnecting when nginx cuts it off), while 127.0.0.1 reads
   /api/v1/health (two loops) and a portal page (`/`, paced at 20/s, under the portal's per-address
   rate): their p50/p95/p99 and any failure, and how many slow connections were open.
The loads run in their own processes, so their coroutines never delay the measuring client.
2. Claim flood: FLOOD keep-alive connections (default 1000) posting claims as fast as they are
   answered, from 20 addresses 127.0.0.10-29 (each under the per-address limits, so the API pool
   is saturated rather than rate limited), while 127.0.0.1 reads the portal page and health as above:
   portal and health p50/p95/p99, and the flood's answers by status.
Every phase is bounded by SECONDS (default 15); counts are bounded by the arguments.
"""

import asyncio
import json
import os
import random
import sys
import time
import uuid

PORT = int(os.environ["PORT"])
HOST = "127.0.0.1"
ORG, CASE, KEY = os.environ["BENCH_ORG"], os.environ["BENCH_SETTLEMENT"], os.environ["BENCH_KEY"]
DONE = f"/tmp/claimscore-bench-hold-{PORT}.done"
SLOW, FLOOD, SECONDS = int(os.environ["SLOW"]), int(os.environ["FLOOD"]), float(os.environ["HOLD_SECONDS"])


async def open_from(source):
    return await asyncio.open_connection(HOST, PORT, local_addr=(source, 0))


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status, head


async def get(path):
    """One GET on a fresh connection from 127.0.0.1: (status, seconds); status 0 on a failure."""
    start = time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(open_from("127.0.0.1"), 5)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        status, _ = await asyncio.wait_for(read_response(reader), 10)
        writer.close()
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
        status = 0
    return status, time.perf_counter() - start


async def reader_loop(path, stop, results, interval):
    while time.monotonic() < stop:
        started = time.monotonic()
        results.append(await get(path))
        if interval:
            await asyncio.sleep(max(0, interval - (time.monotonic() - started)))


def summary(label, results):
    times = sorted(t for _, t in results)
    failed = sum(1 for s, _ in results if not 200 <= s < 400)
    if not times:
        return f"{label}: no requests"
    pick = lambda q: times[min(len(times) - 1, int(len(times) * q))] * 1000  # noqa: E731
    return (f"{label}: {len(times)} requests, failed {failed}, p50 {pick(0.5):.1f} ms, p95 {pick(0.95):.1f} ms, "
            f"p99 {pick(0.99):.1f} ms, max {times[-1] * 1000:.1f} ms")


async def readers(stop):
    health, portal = [], []
    await asyncio.gather(
        reader_loop("/api/v1/health", stop, health, 0), reader_loop("/api/v1/health", stop, health, 0),
        reader_loop("/", stop, portal, 0.05))
    return health, portal


async def slow_client(stop, counters):
    """One slowloris connection from 127.0.0.2, reopened whenever nginx closes it."""
    while time.monotonic() < stop:
        try:
            reader, writer = await open_from("127.0.0.2")
        except OSError:
            counters["refused"] += 1
            await asyncio.sleep(1)
            continue
        counters["open"] += 1
        try:
            writer.write(f"GET / HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            while time.monotonic() < stop:
                await writer.drain()
                try:
                    await asyncio.wait_for(reader.read(1024), 3)  # an answer (408) or EOF: cut off
                    counters["closed_by_nginx"] += 1
                    break
                except asyncio.TimeoutError:
                    writer.write(b"X-Slow: 1\r\n")
        except OSError:
            counters["closed_by_nginx"] += 1
        finally:
            counters["open"] -= 1
            writer.close()


async def hold_load():
    """The attacker, in its own process (its 9,000 coroutines must not delay the measuring loop)."""
    counters = {"open": 0, "refused": 0, "closed_by_nginx": 0}
    stop = time.monotonic() + SECONDS + 40
    tasks = []
    for i in range(SLOW):
        tasks.append(asyncio.create_task(slow_client(stop, counters)))
        if i % 500 == 499:
            await asyncio.sleep(0.05)
    for _ in range(300):
        if counters["open"] >= SLOW:
            break
        await asyncio.sleep(0.1)
    print(f"open {counters['open']}", flush=True)
    lowest = counters["open"]
    while time.monotonic() < stop and not os.path.exists(DONE):
        lowest = min(lowest, counters["open"])
        await asyncio.sleep(0.1)
    print(f"slow connections open at the end: {counters['open']} (lowest while measuring: {lowest}); "
          f"cut off by nginx and reopened: {counters['closed_by_nginx']}; connects refused: {counters['refused']}",
          flush=True)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def hold_phase():
    attacker = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "slow", stdout=asyncio.subprocess.PIPE)
    line = (await asyncio.wait_for(attacker.stdout.readline(), 60)).decode().split()
    print(f"slow connections from 127.0.0.2 open: {line[-1] if line else '?'} of {SLOW}")
    health, portal = await readers(time.monotonic() + SECONDS)
    open(DONE, "w").close()
    print("  " + (await asyncio.wait_for(attacker.stdout.readline(), 60)).decode().strip())
    await attacker.wait()
    os.unlink(DONE)
    print(summary("  health from 127.0.0.1 ", health))
    print(summary("  portal / from 127.0.0.1", portal))


async def flooder(source, stop, statuses):
    path = f"/api/v1/orgs/{ORG}/cases/{CASE}/claims"
    while time.monotonic() < stop:
        try:
            reader, writer = await open_from(source)
        except OSError:
            statuses["connect-failed"] = statuses.get("connect-failed", 0) + 1
            await asyncio.sleep(0.5)
            continue
        try:
            while time.monotonic() < stop:
                ref = uuid.uuid4().hex
                body = json.dumps({
                    "ref": ref, "claimant": {"first_name": "Flo", "last_name": "Od", "email": f"{ref}@example.com"},
                    "submission": {"ip": "%d.%d.%d.%d" % tuple(random.randrange(1, 250) for _ in range(4)),
                                   "submitted_at": "2026-11-22T10:04:10Z"},
                    "amount_claimed": 25.0}).encode()
                writer.write((f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {KEY}\r\n"
                              f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
                status, head = await asyncio.wait_for(read_response(reader), 30)
                statuses[status] = statuses.get(status, 0) + 1
                if b"connection: close" in head.lower():
                    break
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            statuses["error"] = statuses.get("error", 0) + 1
        finally:
            writer.close()


async def flood_load():
    """The flood, in its own process; prints its answers by status."""
    statuses = {}
    stop = time.monotonic() + SECONDS + 3
    sources = [f"127.0.0.{10 + i % 20}" for i in range(FLOOD)]
    await asyncio.gather(*(flooder(source, stop, statuses) for source in sources), return_exceptions=True)
    total = sum(statuses.values())
    print(f"flood: {FLOOD} connections from 20 addresses, {total} answers in {SECONDS + 3:.0f} s "
          f"({statuses.get(201, 0) / (SECONDS + 3):.0f} claims/s): {dict(sorted(statuses.items(), key=str))}",
          flush=True)


async def flood_phase():
    flood = await asyncio.create_subprocess_exec(sys.executable, __file__, "flood", stdout=asyncio.subprocess.PIPE)
    await asyncio.sleep(3)  # let the flood build up
    health, portal = await readers(time.monotonic() + SECONDS)
    print((await asyncio.wait_for(flood.stdout.readline(), 60)).decode().strip())
    await flood.wait()
    print(summary("  portal / from 127.0.0.1", portal))
    print(summary("  health from 127.0.0.1 ", health))


async def main():
    print(f"hold benchmark: {SLOW} slow connections, {FLOOD}-connection flood, {SECONDS:.0f} s per phase")
    if SLOW:
        await hold_phase()
        await asyncio.sleep(2)
    if FLOOD:
        await flood_phase()


if len(sys.argv) > 1:
    asyncio.run(hold_load() if sys.argv[1] == "slow" else flood_load())
else:
    asyncio.run(main())
