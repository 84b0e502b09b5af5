#!/usr/bin/env python3
"""A website's back end for the Attendant chat widget (Python standard library only).

It runs one `attendant serve` and keeps it running, serves the widget and the demo store page, and
relays the browser's messages and feedback to the bridge through `POST /api/messages`.

usage: python3 examples/web/server.py [--port 8080] [--content DIR] [--outbox DIR]
                                      [--attendant PATH] [-- EXTRA SERVE OPTIONS]

Every option is described by `--help`; docs/bridge.md#embedding-in-a-website explains the design.
"""
import argparse
import base64
import collections
import hashlib
import hmac
import http.server
import itertools
import json
import os
import queue
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
LANGUAGES = ("en", "hr", "id", "tr", "vi")
COOKIE = "attendant_session"

# The files a browser may fetch, and nothing else: no path from a request ever reaches the file system.
STATIC = {
    "/widget.js": ("widget.js", "text/javascript; charset=utf-8"),
    "/widget.css": ("widget.css", "text/css; charset=utf-8"),
    "/demo.css": ("demo.css", "text/css; charset=utf-8"),
    "/": ("demo.html", "text/html; charset=utf-8"),
    "/demo.html": ("demo.html", "text/html; charset=utf-8"),
}

SECURITY_HEADERS = {
    # Scripts and styles come from this origin only: no inline script, no eval, no inline style.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

TIME_ZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,3}$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def log(message):
    print(f"web: {message}", file=sys.stderr, flush=True)


class ClientError(Exception):
    """A request the server refuses: an HTTP status, a stable code and a message for the developer."""

    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


class BridgeUnavailable(Exception):
    """No reply from the bridge for this request: it is restarting, crashed, or did not answer in time."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


class Waiter:
    """One request waiting for its reply line."""

    def __init__(self, session):
        self.session, self.reply, self.failure = session, None, None
        self.done = threading.Event()

    def resolve(self, reply):
        self.reply = reply
        self.done.set()

    def fail(self, failure):
        self.failure = failure
        self.done.set()


class Bridge:
    """One `attendant serve` child, restarted when it exits, with replies matched to requests by `id`.

    Requests from all browser sessions share the child's one pipe. Each gets a fresh id from this
    server (never the browser's), is written by one writer thread so that lines never interleave,
    and waits for the reply line with that id. A reply whose `session` is not the request's is
    refused, so that a reply can never reach another session. When the child dies, every request in
    flight fails at once with a retryable error and the child is started again.
    """

    def __init__(self, command, reply_timeout=15.0, startup_timeout=120.0):
        # A fresh child loads (and may calibrate) the content before its first reply: that reply gets
        # the longer startup_timeout, so a slow start is never taken for a hang and killed.
        self.command, self.reply_timeout, self.startup_timeout = command, reply_timeout, startup_timeout
        self.warm = False
        self.lock = threading.Lock()
        self.pending = collections.OrderedDict()  # request id -> Waiter, in the order written
        self.ids = itertools.count(1)
        self.proc, self.generation, self.writes = None, 0, None
        self.stopping = False
        self.started = threading.Event()
        self.restarts = 0

    def start(self):
        threading.Thread(target=self._supervise, name="bridge-supervisor", daemon=True).start()
        self.started.wait(5)

    def stop(self):
        with self.lock:
            self.stopping = True
            proc, writes = self.proc, self.writes
        if writes:
            writes.put(None)  # the writer closes stdin: serve exits 0 at the end of its input
        if proc:
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()

    def pid(self):
        with self.lock:
            return self.proc.pid if self.proc else None

    def ask(self, request, session):
        """Sends one request line and returns its reply, or raises BridgeUnavailable."""
        waiter = Waiter(session)
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                raise BridgeUnavailable("bridge_restarting", "The assistant is restarting. Try again in a moment.")
            request_id = f"w{self.generation}-{next(self.ids)}"
            timeout = self.reply_timeout if self.warm else self.startup_timeout
            line = json.dumps({"id": request_id, **request}, ensure_ascii=True, separators=(",", ":")) + "\n"
            self.pending[request_id] = waiter
            self.writes.put(line.encode("ascii"))
            generation, proc = self.generation, self.proc
        if not waiter.done.wait(timeout):
            with self.lock:
                self.pending.pop(request_id, None)
                hung = self.proc is proc and proc.poll() is None
            if hung:
                # A live child that does not answer is stuck: restarting it is the only way out.
                log(f"the bridge (generation {generation}) gave no reply in {timeout:g} s; restarting it")
                proc.kill()
            raise BridgeUnavailable("bridge_timeout", "The assistant did not answer in time. Try again.")
        if waiter.failure:
            raise waiter.failure
        return waiter.reply

    def _supervise(self):
        backoff = 0.2
        while True:
            with self.lock:
                if self.stopping:
                    return
            began = time.monotonic()
            try:
                # A list of arguments and no shell: nothing from a request is ever part of the command.
                proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, shell=False)
            except OSError as error:
                log(f"cannot start '{self.command[0]}': {error.strerror}. Retrying in {backoff:g} s")
                self.started.set()
                time.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            writes = queue.Queue()
            with self.lock:
                self.generation += 1
                generation = self.generation
                self.warm = False
                self.proc, self.writes = proc, writes
            self.started.set()
            writer = threading.Thread(target=self._write, args=(proc, writes), daemon=True, name=f"bridge-writer-{generation}")
            reader = threading.Thread(target=self._read, args=(proc,), daemon=True, name=f"bridge-reader-{generation}")
            writer.start()
            reader.start()
            code = proc.wait()
            reader.join()
            writes.put(None)
            with self.lock:
                self.proc = None
                stopping = self.stopping
                lost = list(self.pending.values())
                self.pending.clear()
            for waiter in lost:
                waiter.fail(BridgeUnavailable("bridge_crashed", "The assistant stopped while answering. Try again."))
            if stopping:
                return
            log(f"attendant serve exited with {code}; {len(lost)} request(s) in flight failed; restarting")
            self.restarts += 1
            if time.monotonic() - began > 30:
                backoff = 0.2
            time.sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    @staticmethod
    def _write(proc, writes):
        while True:
            line = writes.get()
            try:
                if line is None:
                    proc.stdin.close()
                    return
                proc.stdin.write(line)
                proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                return  # the child is gone; the supervisor fails what is pending

    def _read(self, proc):
        for raw in proc.stdout:
            try:
                reply = json.loads(raw)
            except ValueError:
                log(f"ignored a reply line that is not JSON: {raw[:80]!r}")
                continue
            if not isinstance(reply, dict) or reply.get("type") == "reload":
                continue
            request_id = reply.get("id")
            with self.lock:
                self.warm = self.warm or proc is self.proc
                if request_id is None and self.pending:
                    # serve answers in order: a reply without id (a line it could not read) is the oldest's.
                    request_id = next(iter(self.pending))
                waiter = self.pending.pop(request_id, None)
            if waiter is None:
                continue  # its request timed out and is gone
            if reply.get("session", waiter.session) != waiter.session:
                log(f"refused reply {request_id}: its session is not the request's")
                waiter.fail(BridgeUnavailable("bridge_mismatch", "The assistant's reply was refused. Try again."))
            else:
                waiter.resolve(reply)
        proc.stdout.close()


class RateLimiter:
    """A token bucket per key: `rate` requests a second on average, `burst` at once."""

    def __init__(self, rate, burst, max_keys=50_000):
        self.rate, self.burst, self.max_keys = rate, burst, max_keys
        self.buckets = {}
        self.lock = threading.Lock()

    def allow(self, key):
        """Returns 0 when the request may go ahead, else the seconds to wait."""
        if self.rate <= 0:
            return 0
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if len(self.buckets) >= self.max_keys:
                # Forget the clients whose buckets are full again: they lose nothing by it.
                self.buckets = {k: v for k, v in self.buckets.items() if v[0] + (now - v[1]) * self.rate < self.burst}
            if tokens < 1:
                self.buckets[key] = (tokens, now)
                return (1 - tokens) / self.rate
            self.buckets[key] = (tokens - 1, now)
            return 0


class Sessions:
    """Session ids: random, made here, and signed, so a browser cannot pick another visitor's id."""

    def __init__(self):
        self.key = secrets.token_bytes(32)

    def _mac(self, session):
        digest = hmac.new(self.key, session.encode("ascii"), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def new(self):
        session = secrets.token_urlsafe(18)
        return session, f"{session}.{self._mac(session)}"

    def verify(self, cookie_value):
        session, _, mac = (cookie_value or "").partition(".")
        if re.fullmatch(r"[A-Za-z0-9_-]{24}", session) and hmac.compare_digest(mac, self._mac(session)):
            return session
        return None


def session_cookie(header):
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return None


def clean_text(value, field, limit, required):
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ClientError(400, "wrong_type", f"The field '{field}' must be a string.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ClientError(400, "invalid_value", f"The field '{field}' is not valid Unicode text.") from None
    if required and not value.strip():
        raise ClientError(400, "empty_text", f"The field '{field}' is empty.")
    if len(value) > limit:
        raise ClientError(413, "too_long", f"The field '{field}' is longer than {limit} characters.")
    return value


def bridge_request(body, session, force_language):
    """Turns the browser's JSON body into a bridge request, checking every field it uses."""
    if not isinstance(body, dict):
        raise ClientError(400, "not_an_object", "The body must be a JSON object.")
    kind = body.get("type", "message")
    if kind == "message":
        request = {"session": session, "text": clean_text(body.get("text"), "text", 2000, True)}
        time_zone = body.get("timeZone")
        if isinstance(time_zone, str) and len(time_zone) <= 64 and TIME_ZONE.match(time_zone):
            request["timeZone"] = time_zone
        language = body.get("pageLanguage")
        if force_language and isinstance(language, str) and LANGUAGE_TAG.match(language):
            primary = re.split(r"[-_]", language)[0].lower()
            if primary in LANGUAGES:
                request["language"] = primary
        return request
    if kind == "feedback":
        helpful = body.get("helpful")
        if not isinstance(helpful, bool):
            raise ClientError(400, "missing_field", "Feedback needs 'helpful': true or false.")
        request = {"type": "feedback", "session": session, "helpful": helpful}
        rating = body.get("rating")
        if rating is not None:
            if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
                raise ClientError(400, "invalid_value", "The field 'rating' must be a whole number from 1 to 5.")
            request["rating"] = rating
        comment = clean_text(body.get("comment"), "comment", 1000, False)
        if comment:
            request["comment"] = comment
        return request
    raise ClientError(400, "unknown_type", "The field 'type' must be 'message' or 'feedback'.")


def session_tag(session):
    """A one-way tag of a session id: lets a client check whose reply it got without seeing the id."""
    return hashlib.sha256(session.encode("utf-8")).hexdigest()[:16]


def browser_reply(reply):
    """The part of a bridge reply the widget shows: no candidates, no transcript.

    `sessionTag` is derived from the session the bridge echoed, so a client that knows its own session
    id (the load bench) can prove end to end that the reply belongs to it.
    """
    escalation = reply.get("escalation")
    options = [
        {"intent": o.get("intent"), "title": o.get("title")}
        for o in reply.get("options") or []
        if isinstance(o, dict) and isinstance(o.get("title"), str)
    ]
    return {
        "type": reply.get("type"),
        "language": reply.get("language"),
        "intent": reply.get("intent"),
        "reason": reply.get("reason"),
        "text": reply.get("text") or "",
        "options": options,
        "escalation": {"id": escalation.get("id"), "assignment": escalation.get("assignment")}
        if isinstance(escalation, dict)
        else None,
        "asksForFeedback": reply.get("asksForFeedback") is True,
        "sessionTag": session_tag(reply["session"]) if isinstance(reply.get("session"), str) else None,
    }


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AttendantWeb"
    timeout = 30  # seconds a connection may stay idle or dribble its request
    disable_nagle_algorithm = True  # headers and body go out in two writes: without this, each reply waits ~40 ms

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):
        if self.server.options.access_log:
            log(f"{self.address_string()} {format % args}")

    def client_key(self):
        if self.server.options.forwarded_for:
            forwarded = self.headers.get("X-Forwarded-For", "")
            if forwarded:
                return forwarded.split(",")[-1].strip()  # the address the proxy itself saw
        return self.client_address[0]

    def send(self, status, body, content_type, headers=None, head=False):
        self.send_response(status)
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_json(self, status, payload, headers=None, head=False):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send(status, body, "application/json; charset=utf-8", {"Cache-Control": "no-store", **(headers or {})}, head)

    def send_error_json(self, error, head=False):
        payload = {"error": {"code": error.code, "message": error.message}, "retryable": error.status in (429, 503)}
        self.send_json(error.status, payload, error.headers, head)

    def do_GET(self, head=False):
        path, _, query = self.path.partition("?")
        if path.startswith("/api/"):
            return self.send_error_json(ClientError(405, "method_not_allowed", "Use POST.", {"Allow": "POST"}), head)
        entry = STATIC.get(path)
        if entry is None:
            return self.send_error_json(ClientError(404, "not_found", "No such page."), head)
        name, content_type = entry
        body = (HERE / name).read_bytes()
        if name == "demo.html":
            # ?lang=hr shows the store in Croatian: the page's lang attribute is the widget's too.
            language = dict(p.partition("=")[::2] for p in query.split("&")).get("lang", "en")
            if language in LANGUAGES:
                body = body.replace(b'<html lang="en">', f'<html lang="{language}">'.encode(), 1)
        self.send(200, body, content_type, {"Cache-Control": "no-cache"}, head)

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_POST(self):
        try:
            if self.path.partition("?")[0] != "/api/messages":
                raise ClientError(404, "not_found", "POST to /api/messages.")
            self.handle_message()
        except ClientError as error:
            self.close_connection = True  # the body may be unread: never parse it as the next request
            self.send_error_json(error)

    def do_PUT(self):
        self.send_error_json(ClientError(405, "method_not_allowed", "Use GET or POST.", {"Allow": "GET, HEAD, POST"}))

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    def read_body(self):
        options = self.server.options
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise ClientError(411, "length_required", "Send a Content-Length; chunked bodies are not accepted.")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise ClientError(411, "length_required", "Send a Content-Length.") from None
        if length < 0:
            raise ClientError(400, "bad_length", "Content-Length must not be negative.")
        if length > options.max_body:
            raise ClientError(413, "body_too_large", f"The body is larger than {options.max_body} bytes.")
        media_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            # A form on another site cannot send application/json without the browser asking us first.
            raise ClientError(415, "unsupported_media_type", "Send the body as application/json.")
        data = self.rfile.read(length)
        try:
            return json.loads(data.decode("utf-8"), parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ClientError(400, "invalid_json", "The body is not valid UTF-8 JSON.") from None

    def check_origin(self):
        origin = self.headers.get("Origin")
        host = self.headers.get("Host", "")
        if origin is not None and origin.split("://", 1)[-1] != host:
            raise ClientError(403, "cross_origin", "Requests from other sites are not accepted.")
        if self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise ClientError(403, "cross_origin", "Requests from other sites are not accepted.")

    def handle_message(self):
        server = self.server
        self.check_origin()
        wait = server.client_limits.allow(self.client_key())
        if wait:
            raise ClientError(429, "rate_limited", "Too many messages. Wait a moment.", {"Retry-After": str(int(wait) + 1)})
        body = self.read_body()
        session = server.sessions.verify(session_cookie(self.headers.get("Cookie")))
        headers = {}
        if session is None:
            session, value = server.sessions.new()
            secure = "; Secure" if server.options.secure_cookie else ""
            headers["Set-Cookie"] = f"{COOKIE}={value}; Path=/api/; Max-Age=86400; HttpOnly; SameSite=Strict{secure}"
        wait = server.session_limits.allow(session)
        if wait:
            raise ClientError(429, "rate_limited", "Too many messages. Wait a moment.", {"Retry-After": str(int(wait) + 1), **headers})
        request = bridge_request(body, session, server.options.page_language == "force")
        try:
            reply = server.bridge.ask(request, session)
            if reply.get("type") == "error" and (reply.get("error") or {}).get("code") == "unknown_time_zone":
                # The browser's zone is one this system does not know: answer in UTC rather than not at all.
                request.pop("timeZone", None)
                reply = server.bridge.ask(request, session)
        except BridgeUnavailable as error:
            payload = {"error": {"code": error.code, "message": error.message}, "retryable": True}
            return self.send_json(503, payload, {"Retry-After": "1", **headers})
        if reply.get("type") == "error":
            error = reply.get("error") or {}
            log(f"bridge error {error.get('code')}: {error.get('message')}")
            payload = {"error": {"code": error.get("code"), "message": error.get("message")}, "retryable": True}
            if reply.get("text"):
                payload["text"] = reply["text"]
            return self.send_json(502, payload, headers)
        self.send_json(200, browser_reply(reply), headers)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512  # the listen backlog: many visitors may connect at the same moment

    def __init__(self, address, options, bridge):
        self.options, self.bridge = options, bridge
        self.sessions = Sessions()
        self.client_limits = RateLimiter(options.client_rate, options.client_burst)
        self.session_limits = RateLimiter(options.session_rate, options.session_burst)
        self.connections = threading.BoundedSemaphore(options.max_connections)
        super().__init__(address, Handler)

    def process_request(self, request, client_address):
        if not self.connections.acquire(blocking=False):
            self.shutdown_request(request)  # too many open connections: refuse rather than queue
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()


def find_attendant(given):
    """The binary: --attendant, else `attendant` on PATH, else this repository's release or debug build."""
    if given:
        return given
    for candidate in (shutil.which("attendant"), REPOSITORY / ".build/release/attendant", REPOSITORY / ".build/debug/attendant"):
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate)
    sys.exit("web: cannot find 'attendant'. Build it with 'swift build -c release', or pass --attendant PATH.")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Serve the Attendant chat widget, its demo page and POST /api/messages, relayed to one `attendant serve`.",
        epilog="Arguments after '--' go to `attendant serve` (for example -- --watch).",
    )
    parser.add_argument("--port", type=int, default=8080, help="the port (default 8080; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--content", help="the content folder (default: the one attendant finds, see the README)")
    parser.add_argument("--outbox", default="outbox", help="where escalation records go (default ./outbox)")
    parser.add_argument("--transcripts", help="the transcript log folder (default ./transcripts)")
    parser.add_argument("--no-transcripts", action="store_true", help="keep no transcript log")
    parser.add_argument("--attendant", help="the attendant binary (default: on PATH, else .build/release or .build/debug)")
    parser.add_argument("--page-language", choices=("detect", "force"), default="detect",
                        help="detect: the bot detects each message's language (default); force: answer in the page's lang")
    parser.add_argument("--max-body", type=int, default=8192, help="largest request body in bytes (default 8192)")
    parser.add_argument("--client-rate", type=float, default=5, help="messages a second per client address (default 5; 0: no limit)")
    parser.add_argument("--client-burst", type=float, default=30, help="messages at once per client address (default 30)")
    parser.add_argument("--session-rate", type=float, default=0.5, help="messages a second per session (default 0.5; 0: no limit)")
    parser.add_argument("--session-burst", type=float, default=10, help="messages at once per session (default 10)")
    parser.add_argument("--reply-timeout", type=float, default=15, help="seconds to wait for the bridge (default 15)")
    parser.add_argument("--startup-timeout", type=float, default=120,
                        help="seconds to wait for a fresh bridge's first reply, which loads the content (default 120)")
    parser.add_argument("--max-connections", type=int, default=256, help="open connections at once (default 256)")
    parser.add_argument("--secure-cookie", action="store_true", help="mark the session cookie Secure (behind HTTPS)")
    parser.add_argument("--forwarded-for", action="store_true",
                        help="behind a reverse proxy: rate-limit by the last X-Forwarded-For address")
    parser.add_argument("--access-log", action="store_true", help="log every HTTP request on standard error")
    argv = list(argv)
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[: argv.index("--")]
    options = parser.parse_args(argv)
    options.serve_arguments = extra
    return options


def main(argv):
    options = parse_arguments(argv)
    command = [find_attendant(options.attendant), "serve", "--outbox", str(Path(options.outbox).resolve())]
    if options.content:
        command += ["--content", str(Path(options.content).resolve())]
    if options.no_transcripts:
        command.append("--no-transcripts")
    elif options.transcripts:
        command += ["--transcripts", str(Path(options.transcripts).resolve())]
    command += options.serve_arguments

    bridge = Bridge(command, options.reply_timeout, options.startup_timeout)
    bridge.start()
    # A usage or content error stops serve at once: say so and stop, rather than restart it forever.
    with bridge.lock:
        proc = bridge.proc
    if proc is None:
        sys.exit(f"web: cannot start '{command[0]}'.")
    try:
        code = proc.wait(0.5)
        if code in (64, 65):
            bridge.stop()
            sys.exit(f"web: attendant serve refused to start (exit {code}); see its message above.")
    except subprocess.TimeoutExpired:
        pass

    server = Server((options.host, options.port), options, bridge)
    host, port = server.server_address[:2]
    print(f"serving http://{host}:{port}/ (attendant serve pid {bridge.pid()})", flush=True)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        bridge.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
