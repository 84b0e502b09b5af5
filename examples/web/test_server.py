#!/usr/bin/env python3
"""Tests of examples/web/server.py over real HTTP (standard library only).

One server runs the real `attendant serve`; others run a stand-in bridge that can crash, hang, answer
for the wrong session, or answer out of order, which the real one never does on purpose.

usage: python3 examples/web/test_server.py [--attendant PATH]
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
ATTENDANT = None

# A bridge stand-in: answers each line with its own text, out of order when several lines are waiting;
# "crash" exits, "hang" stops answering, "slow" answers after 2 s, "wrong-session" answers for another session.
FAKE_BRIDGE = r'''#!/usr/bin/env python3
import json, os, select, sys, time
pending, buffered = [], b""
while True:
    # Raw reads (no stdio buffer), so that select() sees every waiting line.
    if select.select([0], [], [], 0.005)[0]:
        chunk = os.read(0, 65536)
        if not chunk:
            break
        buffered += chunk
        *lines, buffered = buffered.split(b"\n")
        pending += [json.loads(line) for line in lines if line.strip()]
        continue
    for request in reversed(pending):
        text = request.get("text", "")
        if text == "crash":
            os._exit(3)
        if text == "hang":
            time.sleep(3600)
        if text == "slow":
            time.sleep(2)
        session = "someone-else" if text == "wrong-session" else request["session"]
        reply = {"id": request["id"], "session": session, "type": "answer", "language": "en", "intent": "echo",
                 "confidence": 1, "text": text, "candidates": [], "escalation": None, "reason": "confident", "options": []}
        sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    pending = []
'''


class Server:
    """server.py on a free loopback port, stopped by stop()."""

    def __init__(self, *arguments, attendant=None, env=None):
        self.folder = tempfile.TemporaryDirectory(prefix="attendant-web-test-")
        command = [sys.executable, str(HERE / "server.py"), "--port", "0", "--outbox", f"{self.folder.name}/outbox",
                   "--no-transcripts", "--attendant", attendant or ATTENDANT, *arguments]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, **(env or {})})
        line = self.proc.stdout.readline()
        if not line.startswith("serving http://"):
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line}{self.proc.stderr.read()}")
        self.port = int(line.split(":")[2].split("/")[0])

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.folder.cleanup()

    def request(self, method, path, body=None, headers=None, cookie=None, raw=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(headers or {})
        if body is not None or raw is not None:
            headers.setdefault("Content-Type", "application/json")
        if cookie:
            headers["Cookie"] = cookie
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        try:
            parsed = json.loads(payload)
        except ValueError:
            parsed = payload
        return response, parsed

    def ask(self, text, cookie=None, **fields):
        response, reply = self.request("POST", "/api/messages", {"text": text, **fields}, cookie=cookie)
        set_cookie = response.getheader("Set-Cookie")
        return response.status, reply, (set_cookie.split(";")[0] if set_cookie else cookie)


class RealBridgeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(env={"ATTENDANT_NOW": "2027-03-27T19:30:00Z"})

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_pages_have_security_headers(self):
        for path in ("/", "/demo.html?lang=tr", "/widget.js", "/widget.css"):
            response, _ = self.server.request("GET", path)
            self.assertEqual(response.status, 200, path)
            policy = response.getheader("Content-Security-Policy")
            self.assertIn("script-src 'self'", policy)
            self.assertNotIn("unsafe-inline", policy)
            self.assertIn("frame-ancestors 'none'", policy)
            self.assertEqual(response.getheader("X-Content-Type-Options"), "nosniff")
            self.assertEqual(response.getheader("X-Frame-Options"), "DENY")
        response, body = self.server.request("HEAD", "/nothing-here")
        self.assertEqual((response.status, body), (404, b""))  # a HEAD reply has no body, whatever its status
        response, page = self.server.request("GET", "/?lang=hr")
        self.assertIn(b'<html lang="hr">', page)
        self.assertEqual(response.getheader("Content-Type"), "text/html; charset=utf-8")

    def test_only_the_widget_files_are_served(self):
        for path in ("/server.py", "/../server.py", "/examples/web/server.py", "/%2e%2e/README.md", "/outbox/"):
            response, body = self.server.request("GET", path)
            self.assertEqual(response.status, 404, path)
            self.assertEqual(body["error"]["code"], "not_found")

    def test_session_cookie_is_http_only_strict_and_server_made(self):
        status, reply, _ = self.server.ask("payment")
        self.assertEqual(status, 200)
        response, _ = self.server.request("POST", "/api/messages", {"text": "payment"})
        cookie = response.getheader("Set-Cookie")
        self.assertRegex(cookie, r"^attendant_session=[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}; ")
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        # A session id the browser made up is replaced by one the server makes.
        response, _ = self.server.request("POST", "/api/messages", {"text": "hi"}, cookie="attendant_session=chosen-by-me")
        self.assertIsNotNone(response.getheader("Set-Cookie"))

    def test_the_conversation_continues_in_the_cookies_session(self):
        status, reply, cookie = self.server.ask("payment", timeZone="Europe/Zagreb")
        self.assertEqual((status, reply["type"], reply["reason"]), (200, "clarify", "ambiguous"))
        self.assertEqual([o["title"] for o in reply["options"]], ["Payment problems", "Payment methods"])
        self.assertIs(reply["asksForFeedback"], False)
        status, reply, _ = self.server.ask("2", cookie)
        self.assertEqual((reply["type"], reply["intent"], reply["reason"]), ("answer", "payment-methods", "clarified"))
        self.assertIs(reply["asksForFeedback"], True)
        self.assertNotIn("candidates", reply)  # the browser gets what it shows, no more
        # Without the cookie, "2" is a new conversation's first message.
        status, reply, _ = self.server.ask("2")
        self.assertNotEqual(reply["intent"], "payment-methods")

    def test_feedback_and_hand_off(self):
        status, reply, cookie = self.server.ask("where is my parcel?", timeZone="Europe/Zagreb")
        self.assertEqual(reply["intent"], "order-status")
        self.assertIs(reply["asksForFeedback"], True)  # the bridge's decision, passed on to the widget
        response, reply = self.server.request("POST", "/api/messages", {"type": "feedback", "helpful": False}, cookie=cookie)
        self.assertEqual((response.status, reply["type"], reply["reason"]), (200, "clarify", "feedback"))
        status, reply, _ = self.server.ask("yes", cookie)
        self.assertEqual((reply["type"], reply["reason"]), ("escalate", "negative-feedback"))
        record = json.loads(Path(self.server.folder.name, "outbox", reply["escalation"]["id"] + ".json").read_text())
        self.assertEqual(record["customer"]["timeZone"], "Europe/Zagreb")
        self.assertEqual(reply["escalation"]["assignment"]["expectedFirstResponse"], "2027-03-29T03:00:00Z")
        self.assertNotIn("transcript", reply["escalation"])

    def test_an_unknown_browser_time_zone_still_gets_an_answer(self):
        status, reply, _ = self.server.ask("where is my parcel?", timeZone="Mars/Olympus_Mons")
        self.assertEqual((status, reply["intent"]), (200, "order-status"))

    def test_bad_requests_get_4xx_json(self):
        cases = [
            ({"raw": b"{not json"}, 400, "invalid_json"),
            ({"raw": b"[1, 2]"}, 400, "not_an_object"),
            ({"raw": b'{"text": NaN}'}, 400, "invalid_json"),
            ({"raw": b"\xff\xfe"}, 400, "invalid_json"),
            ({"body": {"text": ""}}, 400, "empty_text"),
            ({"body": {"text": 5}}, 400, "wrong_type"),
            ({"raw": b'{"text": "\\ud800 hi"}'}, 400, "invalid_value"),
            ({"body": {"text": "x" * 2001}}, 413, "too_long"),
            ({"body": {"type": "dance", "text": "hi"}}, 400, "unknown_type"),
            ({"body": {"type": "feedback"}}, 400, "missing_field"),
            ({"body": {"type": "feedback", "helpful": True, "rating": 9}}, 400, "invalid_value"),
            ({"raw": b"{}" + b" " * 9000}, 413, "body_too_large"),
            ({"raw": b'{"text":"hi"}', "headers": {"Content-Type": "text/plain"}}, 415, "unsupported_media_type"),
            ({"body": {"text": "hi"}, "headers": {"Origin": "https://evil.example"}}, 403, "cross_origin"),
            ({"body": {"text": "hi"}, "headers": {"Sec-Fetch-Site": "cross-site"}}, 403, "cross_origin"),
        ]
        for arguments, status, code in cases:
            with self.subTest(code=code, arguments=str(arguments)[:60]):
                response, body = self.server.request("POST", "/api/messages", arguments.get("body"),
                                                     arguments.get("headers"), raw=arguments.get("raw"))
                self.assertEqual(response.status, status)
                self.assertEqual(response.getheader("Content-Type"), "application/json; charset=utf-8")
                self.assertEqual(body["error"]["code"], code)
        response, body = self.server.request("GET", "/api/messages")
        self.assertEqual((response.status, body["error"]["code"]), (405, "method_not_allowed"))
        response, body = self.server.request("POST", "/api/other", {"text": "hi"})
        self.assertEqual(response.status, 404)

    def test_chunked_bodies_are_refused(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        connection.request("POST", "/api/messages", body=iter([b'{"text": "hi"}']),
                           headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        response = connection.getresponse()
        self.assertEqual(response.status, 411)
        connection.close()

    def test_a_refused_body_is_never_read_as_the_next_request(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        smuggled = b"GET /widget.js HTTP/1.1\r\nHost: x\r\n\r\n"
        connection.request("POST", "/api/messages", body=smuggled, headers={"Content-Type": "text/plain"})
        response = connection.getresponse()
        response.read()
        self.assertEqual(response.status, 415)
        self.assertTrue(response.will_close)
        connection.close()


class RateLimitTests(unittest.TestCase):
    def test_each_client_and_session_is_limited(self):
        server = Server("--client-rate", "0.1", "--client-burst", "3")
        try:
            statuses = [server.ask(f"hello {n}")[0] for n in range(4)]
            self.assertEqual(statuses, [200, 200, 200, 429])
            response, body = server.request("POST", "/api/messages", {"text": "again"})
            self.assertEqual((response.status, body["error"]["code"]), (429, "rate_limited"))
            self.assertGreaterEqual(int(response.getheader("Retry-After")), 1)
        finally:
            server.stop()
        server = Server("--session-rate", "0.1", "--session-burst", "2")
        try:
            status, _, cookie = server.ask("hello")
            self.assertEqual([status, server.ask("hi", cookie)[0], server.ask("hi", cookie)[0]], [200, 200, 429])
            self.assertEqual(server.ask("hi")[0], 200)  # another session is not held back
        finally:
            server.stop()


class FakeBridgeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="attendant-fake-")
        cls.fake = Path(cls.folder.name, "fake-attendant")
        cls.fake.write_text(FAKE_BRIDGE)
        cls.fake.chmod(0o755)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def start(self, *arguments):
        server = Server("--client-rate", "0", "--session-rate", "0", *arguments, attendant=str(self.fake))
        self.addCleanup(server.stop)
        return server

    def wait_until_answered(self, server):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            status, reply, _ = server.ask("back again")
            if status == 200:
                return reply
            time.sleep(0.1)
        self.fail("the bridge was not restarted")

    def test_a_crash_fails_the_request_in_flight_and_the_bridge_comes_back(self):
        server = self.start()
        began = time.monotonic()
        status, reply, _ = server.ask("crash")
        self.assertEqual((status, reply["error"]["code"], reply["retryable"]), (503, "bridge_crashed", True))
        self.assertLess(time.monotonic() - began, 5)
        self.assertEqual(self.wait_until_answered(server)["text"], "back again")

    def test_a_hung_bridge_times_out_and_is_restarted(self):
        server = self.start("--reply-timeout", "1", "--startup-timeout", "1")
        began = time.monotonic()
        status, reply, _ = server.ask("hang")
        self.assertEqual((status, reply["error"]["code"]), (503, "bridge_timeout"))
        self.assertLess(time.monotonic() - began, 3)
        self.assertEqual(self.wait_until_answered(server)["text"], "back again")

    def test_the_first_reply_may_take_the_content_load_and_later_ones_may_not(self):
        # A fresh serve loads and calibrates the content before it answers: a slow first reply is not a hang.
        server = self.start("--reply-timeout", "1", "--startup-timeout", "10")
        status, reply, _ = server.ask("slow")
        self.assertEqual((status, reply.get("text")), (200, "slow"))
        status, reply, _ = server.ask("slow")
        self.assertEqual((status, reply["error"]["code"]), (503, "bridge_timeout"))

    def test_a_reply_for_another_session_is_refused(self):
        server = self.start()
        status, reply, _ = server.ask("wrong-session")
        self.assertEqual((status, reply["error"]["code"]), (503, "bridge_mismatch"))
        self.assertNotIn("text", reply)

    def test_replies_out_of_order_reach_their_own_requests(self):
        server = self.start()
        failures = []

        def conversation(n):
            cookie = None
            for turn in range(15):
                text = f"session {n} turn {turn}"
                try:
                    status, reply, cookie = server.ask(text, cookie)
                except OSError as error:
                    status, reply = None, repr(error)
                if status != 200 or reply["text"] != text:
                    failures.append((text, status, reply))

        threads = [threading.Thread(target=conversation, args=(n,)) for n in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])

    def test_input_never_reaches_a_shell(self):
        server = self.start()
        marker = Path(self.folder.name, "pwned")
        for text in (f"$(touch {marker})", f"; touch {marker}", f"`touch {marker}`", f"| touch {marker}"):
            status, reply, _ = server.ask(text)
            self.assertEqual((status, reply["text"]), (200, text))
        self.assertFalse(marker.exists())


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if "--attendant" in arguments:
        index = arguments.index("--attendant")
        ATTENDANT = arguments[index + 1]
        del arguments[index:index + 2]
    else:
        ATTENDANT = next((str(p) for p in (REPOSITORY / ".build/release/attendant", REPOSITORY / ".build/debug/attendant")
                          if p.exists()), "attendant")
    unittest.main(argv=[sys.argv[0], *arguments], verbosity=1)
