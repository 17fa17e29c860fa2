#!/usr/bin/env python3
"""strip-res.py PATH... < resdump output > genrb source without those resources.

PATH is a slash-separated key path below the bundle's top table; `*` matches one key
(e.g. calendar/*/intervalFormats). A PATH starting with `!` keeps what it matches from the
other paths (`timeData/* !timeData/MA`: every region's timeData but Morocco's goes).
resdump prints one resource a line, tables and arrays opened by a line ending in `{` and
closed by a `}` line at the same indentation.
"""
import fnmatch
import re
import sys

patterns = [p for p in sys.argv[1:] if not p.startswith('!')]
kept = [p[1:] for p in sys.argv[1:] if p.startswith('!')]
key_line = re.compile(r'^( *)"((?:[^"\\]|\\.)*)":')
stack = []  # (indent, key) of the open tables above the current line
skip_until = None
for line in sys.stdin:
    text = line.rstrip('\n')
    if skip_until is not None:
        if text == skip_until:
            skip_until = None
        continue
    m = key_line.match(text)
    if m:
        indent = len(m.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = '/'.join([k for _, k in stack] + [m.group(2)])
        def matches(ps):
            return any(fnmatch.fnmatchcase(path, p) and path.count('/') == p.count('/') for p in ps)
        if matches(patterns) and not matches(kept):
            if text.endswith('{'):
                skip_until = m.group(1) + '}'
            continue
        if text.endswith('{'):
            stack.append((indent, m.group(2)))
    sys.stdout.write(line)
