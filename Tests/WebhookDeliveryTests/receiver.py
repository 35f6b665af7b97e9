"""A webhook receiver for the delivery tests, on loopback only.

It verifies every delivery with the `standardwebhooks` library (the Standard Webhooks reference
implementation from PyPI) and records what it received; the test scripts its answers per path:

  POST /_control/configure  {"path": "/h/1", "secret": "whsec_...",
                             "responses": [{"status": 500}, {"status": 429, "headers": {"Retry-After": "2"}},
                                           {"sleep": 20}],
                             "default": {"status": 200, "body": "ok"}}
      The listed responses are used once each, in order, then `default` for every later request.
  GET  /_control/log?path=/h/1   every request to that path so far, oldest first (JSON)
  GET  /_control/count           how many deliveries arrived in all (for the benchmark)

Usage: receiver.py [--port N] [--port-file FILE] [--max-seconds S]
It prints "PORT <n>" on its first line (and writes <n> to --port-file), and exits by itself after
--max-seconds (default 900) so a forgotten receiver never outlives the test run for long.
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from standardwebhooks.webhooks import Webhook

LOCK = threading.Lock()
ROUTES = {}  # path -> {"secret": str, "responses": [dict], "default": dict}
LOG = {}  # path -> [record]
TOTAL = [0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real receivers do
    # The answer goes out as two writes (headers, body); with Nagle on, the body waits for the
    # sender's delayed ACK (40 ms), which would be measured as the sender's gap between requests.
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # quiet: the test reads /_control/log instead
        pass

    def _reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _json(self, value):
        self._reply(200, json.dumps(value).encode(), {"Content-Type": "application/json"})

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/_control/log":
            path = parse_qs(url.query).get("path", [""])[0]
            with LOCK:  # records are still being filled in by other threads
                data = json.dumps(LOG.get(path, [])).encode()
            self._reply(200, data, {"Content-Type": "application/json"})
        elif url.path == "/_control/count":
            with LOCK:
                self._json({"count": TOTAL[0]})
        else:
            self._reply(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        url = urlparse(self.path)
        if url.path == "/_control/configure":
            spec = json.loads(body)
            with LOCK:
                ROUTES[spec["path"]] = {
                    "secret": spec["secret"],
                    "responses": list(spec.get("responses", [])),
                    "default": spec.get("default", {"status": 200, "body": "ok"}),
                }
                LOG.setdefault(spec["path"], [])
            self._json({"ok": True})
            return
        self._delivery(url.path, body)

    def _delivery(self, path, body):
        received = time.time()
        headers = {name.lower(): value for name, value in self.headers.items()}
        with LOCK:
            route = ROUTES.get(path)
            answer = None
            if route is not None:
                answer = route["responses"].pop(0) if route["responses"] else route["default"]
            TOTAL[0] += 1
        record = {
            "received_at": received,
            "webhook_id": headers.get("webhook-id"),
            "webhook_timestamp": headers.get("webhook-timestamp"),
            "webhook_signature": headers.get("webhook-signature"),
            "content_type": headers.get("content-type"),
            "user_agent": headers.get("user-agent"),
            "body": body.decode("utf-8", "replace"),
            "verified": False,
            "verify_error": None,
        }
        if route is None:
            record["verify_error"] = "no route configured"
            answer = {"status": 404}
        else:
            try:
                Webhook(route["secret"]).verify(body, headers)
                record["verified"] = True
            except Exception as error:  # recorded, and the test fails on it
                record["verify_error"] = "%s: %s" % (type(error).__name__, error)
        with LOCK:
            LOG.setdefault(path, []).append(record)
        delay = min(float(answer.get("sleep", 0)), 60.0)
        if delay > 0:
            time.sleep(delay)
        status = int(answer.get("status", 200))
        with LOCK:
            record["replying_at"] = time.time()  # before the first byte of the answer leaves
        try:
            self._reply(status, answer.get("body", "ok").encode(), answer.get("headers"))
        except (BrokenPipeError, ConnectionResetError):
            status = None  # the sender gave up (timeout) before the answer
        with LOCK:
            record["status"] = status
            record["answered_at"] = time.time()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--max-seconds", type=float, default=900)
    options = parser.parse_args()
    ThreadingHTTPServer.allow_reuse_address = True
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    server = ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    port = server.server_address[1]
    if options.port_file:
        with open(options.port_file + ".tmp", "w") as handle:
            handle.write(str(port))
        os.replace(options.port_file + ".tmp", options.port_file)
    print("PORT %d" % port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    timer = threading.Timer(options.max_seconds, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
