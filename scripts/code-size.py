#!/usr/bin/env python3
"""Lists Swift files over 400 lines and functions (func, init, deinit, subscript, computed var) over 80.

A function may be longer when the comment block just above it says why, in words that contain
"long" ("Long on purpose: one table of cases reads best in one place"); it is listed as explained.

Usage: scripts/code-size.py [--files N] [--functions N] [--except PATH]... [PATH ...]
  PATH     files or folders to read (default: Sources)
  --except a file or folder to leave out (repeatable)
Exits with 1 when a file or an unexplained function is over its limit, else 0.
"""
import argparse
import os
import re
import sys

DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|package|private|fileprivate|internal|static|class|mutating|nonmutating|override|final|"
    r"convenience|required|nonisolated|private\(set\)|fileprivate\(set\)|internal\(set\))\s+)*"
    r"(func\s+[^\s(<]+|init[?!]?|deinit|subscript|var\s+\w+\s*:[^=]*\{\s*$)")
STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def swift_files(paths, excluded):
    for path in paths:
        if os.path.isfile(path):
            candidates = [path]
        else:
            candidates = [os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names]
        for candidate in sorted(candidates):
            if candidate.endswith(".swift") and not any(
                    os.path.normpath(candidate).startswith(os.path.normpath(e)) for e in excluded):
                yield candidate


def body_length(lines, start):
    """The number of lines from the declaration to its closing brace (strings and comments skipped)."""
    depth, opened, in_multiline = 0, False, False
    for index in range(start, len(lines)):
        line = lines[index]
        if line.count('"""') % 2 == 1:
            in_multiline = not in_multiline
            continue
        if in_multiline:
            continue
        for character in STRING.sub('""', line.split("//")[0]):
            if character == "{":
                depth, opened = depth + 1, True
            elif character == "}":
                depth -= 1
        if opened and depth == 0:
            return index - start + 1
    return len(lines) - start


def explained(lines, start):
    """Whether the comment block right above a declaration says why it is long."""
    index = start - 1
    while index >= 0 and lines[index].strip().startswith(("//", "@")):
        if "long" in lines[index].lower() and lines[index].strip().startswith("//"):
            return True
        index -= 1
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["Sources"])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--functions", type=int, default=80)
    parser.add_argument("--except", dest="excluded", action="append", default=[])
    options = parser.parse_args()
    failed = False
    for path in swift_files(options.paths, options.excluded):
        with open(path, encoding="utf-8") as file:
            lines = file.read().split("\n")
        if len(lines) - 1 > options.files:
            print(f"{path}: {len(lines) - 1} lines (limit {options.files})")
            failed = True
        for index, line in enumerate(lines):
            match = DECLARATION.match(line)
            if not match or "{" not in "".join(lines[index:index + 8]):
                continue
            length = body_length(lines, index)
            if length > options.functions:
                why = explained(lines, index)
                print(f"{path}:{index + 1}: {match.group(1).strip()} is {length} lines"
                      + (" (a comment says why)" if why else f" (limit {options.functions})"))
                failed = failed or not why
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
