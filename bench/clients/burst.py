#!/usr/bin/env python3
"""A burst of simultaneous signed slash commands, from a plain threaded client (stdlib only).

Each of N threads opens its own fresh connection (http.client), and all of them send their
`/incident <text>` at the same moment (a barrier releases them), as Slack does when an incident
storm makes many people type at once. Each request is timed from just before it connects to the
last byte of its response (the ack). Requests are built and signed before the clock starts.

Prints one JSON object: {"ms": [...], "statuses": {...}, "errors": [...], "wall_ms": ...}.

    burst.py --port 3000 --secret S --text "list" [--count 100] [--channel C] [--user U]
"""

import argparse
import hashlib
import hmac
import http.client
import json
import threading
import time
import urllib.parse


def signed_request(secret, args, text, index):
    body = urllib.parse.urlencode(
        {
            "token": "bench-verification-token",
            "team_id": args.team,
            "team_domain": "sevzero-bench",
            "channel_id": args.channel,
            "channel_name": "general",
            "user_id": args.user,
            "user_name": "alice",
            "command": "/incident",
            "text": text,
            "api_app_id": args.app,
            "is_enterprise_install": "false",
            "response_url": "http://127.0.0.1:9/unused-response-url",
            "trigger_id": "bench.trigger.%d.%d" % (time.time_ns(), index),
        }
    ).encode()
    timestamp = str(int(time.time()))
    digest = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }
    return headers, body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/slack/events")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--text", required=True, help="the command's text; declares get ' <i>'")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--channel", default="C0GENERAL")
    parser.add_argument("--user", default="UALICE")
    parser.add_argument("--team", default="T0FAKE")
    parser.add_argument("--app", default="A0FAKE")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    secret = args.secret.encode()
    numbered = not args.text.strip().startswith("list")
    requests = [
        signed_request(secret, args, args.text + (" %d" % i if numbered else ""), i)
        for i in range(args.count)
    ]
    ms = [None] * args.count
    began_ns = [None] * args.count
    statuses = {}
    errors = []
    lock = threading.Lock()
    start = threading.Barrier(args.count + 1)

    def send(i):
        headers, body = requests[i]
        connection = http.client.HTTPConnection(args.host, args.port, timeout=args.timeout)
        start.wait()
        began = time.perf_counter()
        began_ns[i] = time.monotonic_ns()
        try:
            connection.request("POST", args.path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ms[i] = (time.perf_counter() - began) * 1000.0
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1
        except OSError as error:
            with lock:
                errors.append("%s: %s" % (type(error).__name__, error))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(args.count)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall_ms = (time.perf_counter() - began) * 1000.0
    print(
        json.dumps(
            {
                "ms": [m for m in ms if m is not None],
                "statuses": {str(k): v for k, v in statuses.items()},
                "errors": errors[:10],
                "error_count": len(errors),
                "wall_ms": wall_ms,
                "began_monotonic_ns": [b for b in began_ns if b is not None],
            }
        )
    )


if __name__ == "__main__":
    main()
