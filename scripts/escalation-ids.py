#!/usr/bin/env python3
"""Proves that escalation ids do not collide: N customers ask for a person at the same second.

usage: python3 scripts/escalation-ids.py PATH/TO/attendant [N] [--outbox DIR] [--keep]

It starts `attendant serve` with a fixed clock (ATTENDANT_NOW), sends N requests for a person, each in
a session of its own, and checks that every reply escalated, that the N ids in the replies are
distinct, and that the outbox holds exactly N records, one file for each id, each naming its own
session. It prints the counts and exits 1 when any check fails.

serve runs as in production, fsyncs included. Put the outbox on tmpfs (the default is a new folder in
/dev/shm when there is one), where an fsync costs nothing, or a million escalations take as many disk
syncs. A million records take about 5 GB there; the folder is deleted at the end unless --keep.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

MOMENT = "2027-03-27T19:30:00Z"
ESCALATION_ID = re.compile(rb'"escalation":\{.*?"id":"(esc-[0-9]{8}T[0-9]{6}Z-[0-9a-f]+)"')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    count = int(args[1]) if len(args) > 1 else 1_000_000
    keep = "--keep" in sys.argv
    if "--outbox" in sys.argv:
        outbox = sys.argv[sys.argv.index("--outbox") + 1]
    else:
        base = "/dev/shm" if os.path.isdir("/dev/shm") else None
        outbox = tempfile.mkdtemp(prefix="escalation-ids-", dir=base)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    server = subprocess.Popen(
        [binary, "serve", "--content", repository, "--outbox", outbox, "--no-transcripts"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "ATTENDANT_NOW": MOMENT})

    def send():
        for number in range(count):
            request = {"id": number, "session": f"s{number}", "language": "en", "text": "I want to talk to a human"}
            server.stdin.write((json.dumps(request) + "\n").encode())
        server.stdin.close()

    started = time.time()
    writer = threading.Thread(target=send)
    writer.start()
    ids, replies, missing = set(), 0, 0
    for line in server.stdout:
        replies += 1
        match = ESCALATION_ID.search(line)
        if match:
            ids.add(match.group(1).decode())
        else:
            missing += 1
    writer.join()
    status = server.wait()
    seconds = time.time() - started

    names = [n for n in os.listdir(outbox) if not n.startswith(".")]
    records = {n[:-5] for n in names if n.endswith(".json")}
    sessions = set()
    for record in records:
        with open(os.path.join(outbox, record + ".json"), "rb") as file:
            data = json.load(file)
        if data["id"] == record:
            sessions.add(data["session"])
    problems = []
    if status != 0:
        problems.append(f"serve exited with {status}")
    if replies != count or missing:
        problems.append(f"{replies} replies, {missing} without an escalation")
    if len(ids) != count:
        problems.append(f"{count - len(ids)} ids were given twice")
    if records != ids or len(names) != count:
        problems.append(f"the outbox holds {len(names)} files for {len(ids)} ids")
    if len(sessions) != count:
        problems.append(f"{count - len(sessions)} records were replaced by another session's")
    print(f"escalations at {MOMENT}: {count:,}; replies: {replies:,}; distinct ids: {len(ids):,}; "
          f"records in the outbox: {len(records):,}; files: {len(names):,}; sessions in the records: {len(sessions):,} "
          f"({seconds:.0f} s)")
    for problem in problems:
        print("problem:", problem)
    if not keep:
        shutil.rmtree(outbox)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
