#!/usr/bin/env python3
"""Load bench for examples/web/server.py: N concurrent conversations through HTTP on loopback.

It starts the server (with rate limits off and no transcripts) and the real `attendant serve`, then
runs N browser sessions at once, each a keep-alive connection with its own session cookie, each
sending M messages as fast as its replies come back. It reports messages per second and end-to-end
latency (request written to reply read), and proves that no reply went to the wrong session in two
independent ways:

- every reply carries `sessionTag`, a hash of the session the *bridge* echoed; the bench compares it
  with the hash of the session id in its own cookie;
- every session follows its language's script (a clarification and its answer by number in English),
  and each reply's type, intent and language must be the ones a lone calibration session got at the
  same turn: a reply meant for another session would answer another question, or in another language.

Everything is bounded: N x M requests at most, and a deadline (--duration) after which sessions stop.

usage: python3 examples/web/loadbench.py [--sessions 50] [--messages 40] [--duration 60] [--attendant PATH]
"""
import argparse
import hashlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

SCRIPTS = {  # six different questions a language (a message repeated within five counts as frustration)
    "en": ["track order", "payment", "2", "how many days for delivery", "return policy", "cant log in",
           "i havent received my refund", "how do i cancel an order"],
    "hr": ["gdje mi je paket", "kad će mi stići narudžba", "zelim vratit majicu", "mogu li platiti karticom",
           "zaboravio sam sifru", "cijena dostave"],
    "vi": ["kiểm tra đơn hàng ORB-48213579", "mấy ngày thì hàng tới", "chính sách đổi trả thế nào",
           "không đăng nhập được", "chưa nhận được tiền hoàn", "ship mất bao nhiêu tiền"],
    "tr": ["kargom nerde", "siparişim ne zaman gelir", "iade nasil yapilir", "kapıda ödeme var mı",
           "giriş yapamıyorum", "kargo bedava mı"],
    "id": ["gimana cara lacak pesanan", "estimasi sampai berapa hari?", "bisa return gak kak?", "bisa COD gak?",
           "gak bisa login", "dana refund belum diterima"],
}
LANGUAGES = list(SCRIPTS)


def tag(session):
    return hashlib.sha256(session.encode("utf-8")).hexdigest()[:16]


class Client:
    """One browser session: a keep-alive connection and the session cookie the server gave it."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = None
        self.session = None

    def send(self, text):
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = json.dumps({"text": text, "timeZone": "Europe/Zagreb"}).encode()
        began = time.perf_counter()
        self.connection.request("POST", "/api/messages", body=body, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - began
        set_cookie = response.getheader("Set-Cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";")[0]
            self.session = self.cookie.split("=", 1)[1].split(".")[0]
        return response.status, json.loads(payload), elapsed

    def close(self):
        self.connection.close()


def turn(language, n):
    script = SCRIPTS[language]
    return script[n % len(script)]


def shape(reply):
    return (reply.get("type"), reply.get("intent"), reply.get("language"))


def calibrate(port, messages):
    """What each language's script gets, turn by turn, from a session running alone."""
    expected = {}
    for language in LANGUAGES:
        client = Client(port)
        expected[language] = []
        for n in range(messages):
            status, reply, _ = client.send(turn(language, n))
            if status != 200:
                sys.exit(f"loadbench: calibration failed: {status} {reply}")
            expected[language].append(shape(reply))
        client.close()
    return expected


def run(port, sessions, messages, duration, expected):
    latencies, problems = [], {"wrong_session": 0, "unexpected_reply": 0, "errors": {}}
    lock = threading.Lock()
    start = threading.Barrier(sessions + 1)
    deadline = [0.0]

    def conversation(index):
        language = LANGUAGES[index % len(LANGUAGES)]
        client = Client(port)
        mine = []
        start.wait()
        try:
            for n in range(messages):
                if time.monotonic() > deadline[0]:
                    break
                try:
                    status, reply, elapsed = client.send(turn(language, n))
                except (OSError, http.client.HTTPException, ValueError) as error:
                    with lock:
                        problems["errors"][type(error).__name__] = problems["errors"].get(type(error).__name__, 0) + 1
                    client.close()
                    client = Client(port)
                    continue
                mine.append(elapsed)
                with lock:
                    if status != 200:
                        code = reply.get("error", {}).get("code", str(status))
                        problems["errors"][code] = problems["errors"].get(code, 0) + 1
                    elif reply.get("sessionTag") != tag(client.session):
                        problems["wrong_session"] += 1
                    elif shape(reply) != expected[language][n]:
                        problems["unexpected_reply"] += 1
        finally:
            client.close()
            with lock:
                latencies.extend(mine)

    threads = [threading.Thread(target=conversation, args=(i,)) for i in range(sessions)]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + duration
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, latencies, problems


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50, help="concurrent conversations (default 50)")
    parser.add_argument("--messages", type=int, default=40, help="messages each (default 40)")
    parser.add_argument("--duration", type=float, default=60, help="stop sending after this many seconds (default 60)")
    parser.add_argument("--attendant", help="the attendant binary (default: as server.py finds it)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="attendant-loadbench-") as folder:
        command = [sys.executable, str(HERE / "server.py"), "--port", "0", "--outbox", f"{folder}/outbox",
                   "--no-transcripts", "--client-rate", "0", "--session-rate", "0",
                   "--max-connections", str(options.sessions + 16)]
        if options.attendant:
            command += ["--attendant", options.attendant]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            if not line.startswith("serving http://"):
                sys.exit(f"loadbench: the server did not start: {line!r}")
            port = int(line.split(":")[2].split("/")[0])
            expected = calibrate(port, options.messages)
            wall, latencies, problems = run(port, options.sessions, options.messages, options.duration, expected)
        finally:
            server.terminate()
            server.wait(10)

    errors = sum(problems["errors"].values())
    figures = {
        "sessions": options.sessions,
        "messages_per_session": options.messages,
        "replies": len(latencies),
        "seconds": round(wall, 2),
        "messages_per_second": round(len(latencies) / wall, 1),
        "latency_ms": {"p50": round(statistics.median(latencies) * 1000, 2),
                       "p99": round(percentile(latencies, 0.99) * 1000, 2),
                       "max": round(max(latencies) * 1000, 2)},
        "wrong_session": problems["wrong_session"],
        "unexpected_reply": problems["unexpected_reply"],
        "errors": problems["errors"],
    }
    if options.json:
        print(json.dumps(figures))
    else:
        latency = figures["latency_ms"]
        print(f"{figures['sessions']} sessions x {figures['messages_per_session']} messages: {figures['replies']} replies "
              f"in {figures['seconds']} s = {figures['messages_per_second']} msg/s")
        print(f"end-to-end latency p50 {latency['p50']} ms, p99 {latency['p99']} ms, max {latency['max']} ms")
        print(f"replies for another session: {figures['wrong_session']} (session tag), "
              f"{figures['unexpected_reply']} (not this session's script); errors: {errors} {figures['errors'] or ''}")
    bad = figures["wrong_session"] or figures["unexpected_reply"] or errors
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
