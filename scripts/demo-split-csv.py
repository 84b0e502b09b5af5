#!/usr/bin/env python3
"""Writes a language's demo examples as CSV files for `attendant eval csv`, split by place.

    python3 scripts/demo-split-csv.py vi /tmp/split
    .build/release/attendant eval csv --train /tmp/split/vi-train.csv --test /tmp/split/vi-test.csv --language vi
    .build/release/attendant eval csv --train /tmp/split/vi-train.csv --test /tmp/split/vi-test-stripped.csv --language vi

Every fifth example line of each intent file (the third of each five) goes to the test file, the
rest to the training file; out-of-scope examples are left out. The stripped test file has the same
questions without diacritics: NFD with the combining marks removed, and đ → d, ı → i (which NFD
does not decompose). docs/matching.md ("Missing diacritics") quotes the figures.
"""
import csv
import os
import sys
import unicodedata


def strip(text):
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: demo-split-csv.py LANGUAGE OUTPUT-FOLDER")
    language, output = sys.argv[1], sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Intents", language)
    rows = []
    for name in sorted(os.listdir(root)):
        if not name.endswith(".txt") or name == "out-of-scope.txt":
            continue
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line and not line.startswith("#") and not line.startswith("@"):
                    rows.append((line, name[:-4]))
    train = [row for i, row in enumerate(rows) if i % 5 != 2]
    test = [row for i, row in enumerate(rows) if i % 5 == 2]
    os.makedirs(output, exist_ok=True)
    for suffix, data in [("train", train), ("test", test), ("test-stripped", [(strip(t), i) for t, i in test])]:
        with open(os.path.join(output, f"{language}-{suffix}.csv"), "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "intent"])
            writer.writerows(data)
    print(f"{language}: {len(train)} training examples, {len(test)} test questions, in {output}")


if __name__ == "__main__":
    main()
