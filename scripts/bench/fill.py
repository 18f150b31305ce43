#!/usr/bin/env python3
"""Fill a HandoffRail server with packets until its tenant holds a target count.

Used by scripts/benchmark.sh to measure memory after 100,000 stored packets. Sends
POST /api/v1/packets/batch with 50 packets per request (the protocol's maximum) from a
few threads, each with its own keep-alive connection, using the same ~2.5 KB packet
template as the lifecycle benchmark (scripts/bench/packet.json, `{{SEQ}}` replaced).
Standard library only.

    python3 scripts/bench/fill.py --base-url http://127.0.0.1:8080 --api-key hr_... \
        --target 100000 --timeout 900

Prints progress every ~10 s and a final `FILL total=<n> inserted=<n> seconds=<s>
packets_per_s=<r> errors=<n>` line; exits 1 if the target was not reached.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from pathlib import Path

BATCH_SIZE = 50


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="server root, e.g. http://127.0.0.1:8080")
    parser.add_argument("--api-key", required=True, help="a writer or admin key")
    parser.add_argument("--target", type=int, default=100_000, help="packets the tenant should hold")
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after this many seconds")
    parser.add_argument("--threads", type=int, default=4, help="concurrent connections")
    parser.add_argument(
        "--template",
        default=str(Path(__file__).with_name("packet.json")),
        help="packet template with a {{SEQ}} marker in the summary",
    )
    return parser.parse_args()


class Filler:
    def __init__(self, args: argparse.Namespace) -> None:
        url = urllib.parse.urlsplit(args.base_url)
        self.host = url.hostname or "127.0.0.1"
        self.port = url.port or 80
        self.api_key = args.api_key
        self.template = json.dumps(json.loads(Path(args.template).read_text()), separators=(",", ":"))
        self.deadline = time.monotonic() + args.timeout
        self.lock = threading.Lock()
        self.remaining = 0
        self.inserted = 0
        self.errors = 0
        self.first_error = ""
        self.sequence = 0

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=60)

    def count(self) -> int:
        conn = self.connection()
        try:
            conn.request("GET", "/api/v1/packets?limit=1", headers={"X-API-Key": self.api_key})
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise RuntimeError(f"GET /api/v1/packets → {response.status}: {body[:300]!r}")
            return int(json.loads(body)["total"])
        finally:
            conn.close()

    def take(self) -> tuple[int, int]:
        """Reserves the next batch: (first sequence number, size); size 0 when done."""
        with self.lock:
            size = min(BATCH_SIZE, self.remaining)
            self.remaining -= size
            first = self.sequence
            self.sequence += size
            return first, size

    def body(self, first: int, size: int) -> bytes:
        items = ",".join(self.template.replace("{{SEQ}}", f"fill-{first + i}") for i in range(size))
        return ('{"packets":[' + items + "]}").encode()

    def worker(self) -> None:
        conn = self.connection()
        headers = {"X-API-Key": self.api_key, "Content-Type": "application/json"}
        while time.monotonic() < self.deadline:
            first, size = self.take()
            if size == 0:
                break
            try:
                conn.request("POST", "/api/v1/packets/batch", body=self.body(first, size), headers=headers)
                response = conn.getresponse()
                payload = response.read()
                if response.status != 201:
                    raise RuntimeError(f"batch → {response.status}: {payload[:300]!r}")
                result = json.loads(payload)
                created, errors = len(result.get("created", [])), len(result.get("errors", []))
                with self.lock:
                    self.inserted += created
                    self.errors += errors
                    self.remaining += size - created  # retry items that were not created
                    if errors and not self.first_error:
                        self.first_error = json.dumps(result["errors"][0])[:300]
            except Exception as error:  # noqa: BLE001 — count, report, reconnect, go on
                with self.lock:
                    self.errors += 1
                    self.remaining += size
                    if not self.first_error:
                        self.first_error = str(error)[:300]
                conn.close()
                conn = self.connection()
                time.sleep(0.2)
            with self.lock:
                if self.errors > 200:
                    break
        conn.close()


def main() -> int:
    args = parse_args()
    filler = Filler(args)
    start_count = filler.count()
    filler.remaining = max(0, args.target - start_count)
    print(f"fill: tenant holds {start_count} packets, inserting {filler.remaining}", flush=True)
    started = time.monotonic()
    workers = [threading.Thread(target=filler.worker, daemon=True) for _ in range(args.threads)]
    for thread in workers:
        thread.start()
    last_report = started
    while any(thread.is_alive() for thread in workers):
        time.sleep(0.5)
        if time.monotonic() - last_report >= 10:
            last_report = time.monotonic()
            print(f"fill: {filler.inserted} inserted, {filler.errors} errors", flush=True)
    seconds = time.monotonic() - started
    total = filler.count()
    rate = filler.inserted / seconds if seconds > 0 else 0.0
    print(
        f"FILL total={total} inserted={filler.inserted} seconds={seconds:.1f} "
        f"packets_per_s={rate:.0f} errors={filler.errors}",
        flush=True,
    )
    if filler.first_error:
        print(f"fill: first error: {filler.first_error}", file=sys.stderr)
    return 0 if total >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
