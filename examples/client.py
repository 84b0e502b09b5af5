#!/usr/bin/env python3
"""A website's back end talking to Attendant: spawn `attendant serve`, send JSON Lines, read replies.

usage: python3 examples/client.py [PATH/TO/attendant] [--content DIR]
"""
import json
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "attendant"
bot = subprocess.Popen([binary, "serve", *sys.argv[2:]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def ask(request):
    """Sends one request and returns its reply (the bridge answers every line, in order)."""
    bot.stdin.write(json.dumps(request) + "\n")
    bot.stdin.flush()
    return json.loads(bot.stdout.readline())


for n, text in enumerate(["where is my parcel?", "gdje je moja narudžba?", "I want to talk to a person"]):
    reply = ask({"id": n, "session": "visitor-42", "text": text, "timeZone": "Europe/Zagreb"})
    print(f"[{reply['type']} {reply['language']} {reply['intent']} {reply['confidence']:.2f}] {reply['text'][:60]}")
    if reply["escalation"]:
        print(f"  escalation {reply['escalation']['id']} for team {reply['escalation'].get('assignment', {}).get('team', 'none yet')}")

reply = ask({"id": "bad", "session": "visitor-42"})
print(f"[{reply['type']}] {reply['error']['code']}: {reply['error']['message']}")
bot.stdin.close()
sys.exit(bot.wait())
