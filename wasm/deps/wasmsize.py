#!/usr/bin/env python3
# wasmsize.py FILE.wasm [--top N] [--origin ORIGIN]: where the bytes of a wasm module are.
# Sections; the code by origin (ICU, khabar, nlohmann, libc++, libc, stemmer), raw and brotli
# (each origin's functions compressed alone: a guide, since brotli shares context across them);
# ICU's code by class; the data section's largest segments with the first strings in each (data
# segments carry no names); with --top, the N largest functions (of ORIGIN, or all).
# Needs a name section: link with --profiling-funcs (cmake -DKHABAR_WASM_PROFILING=ON), and
# brotli on the PATH (Debian's brotli package).
import collections
import re
import subprocess
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def brotli(b):
    return len(subprocess.run(['brotli', '-q', '11', '-c'], input=b, capture_output=True, check=True).stdout)


def origin(name):
    # ICU's C API carries the _72 suffix; its static helpers are known by the types they take.
    if re.search(r'icu_72|_72\b|UErrorCode|UText|UChar|UResource|UDataInfo|UHashtable|decNumber|decContext|'
                 r'^(u[a-z]+_|utext|ures|udata|ucase|ubidi|uprv|utrie)', name):
        return 'icu'
    if 'nlohmann' in name:
        return 'nlohmann'
    if 'sb_stemmer' in name or re.match(r'(r_|SN_|find_among|slice_|insert_|eq_s|eq_v|in_grouping|out_grouping|'
                                         r'skip_utf8|skip_b_utf8|len_utf8|replace_s|create_env|close_env|'
                                         r'(arabic|english|french)_UTF_8_)', name):
        return 'stemmer'
    if 'khabar' in name:
        return 'khabar'
    if name.startswith('std::') or '__2::' in name or name.startswith(('operator new', 'operator delete', '__cxa', '__cxxabiv1')):
        return 'libc++'
    return 'libc'  # musl, emmalloc, compiler-rt, the glue's helpers


data = open(sys.argv[1], 'rb').read()
args = sys.argv[2:]
top = int(args[args.index('--top') + 1]) if '--top' in args else 0
want = args[args.index('--origin') + 1] if '--origin' in args else None

i = 8
sections, names, nimports, code, datasec = {}, {}, 0, b'', b''
while i < len(data):
    sid = data[i]
    i += 1
    size, i = leb(data, i)
    body = data[i:i + size]
    if sid == 2:  # imports: function indices start after the imported functions
        n, j = leb(body, 0)
        for _ in range(n):
            l, j = leb(body, j)
            j += l
            l, j = leb(body, j)
            j += l
            kind = body[j]
            j += 1
            if kind == 0:
                nimports += 1
                _, j = leb(body, j)
            elif kind == 1:
                j += 1
                fl, j = leb(body, j)
                _, j = leb(body, j)
                if fl & 1:
                    _, j = leb(body, j)
            elif kind == 2:
                fl, j = leb(body, j)
                _, j = leb(body, j)
                if fl & 1:
                    _, j = leb(body, j)
            elif kind == 3:
                j += 2
            elif kind == 4:
                j += 1
                _, j = leb(body, j)
    if sid == 10:
        code = body
    if sid == 11:
        datasec = body
    if sid == 0:
        l, j = leb(body, 0)
        nm = body[j:j + l].decode()
        j += l
        sections['custom:' + nm] = size
        if nm == 'name':
            while j < len(body):
                sub = body[j]
                j += 1
                ssz, j = leb(body, j)
                sb = body[j:j + ssz]
                j += ssz
                if sub == 1:
                    n, k = leb(sb, 0)
                    for _ in range(n):
                        idx, k = leb(sb, k)
                        l, k = leb(sb, k)
                        names[idx] = sb[k:k + l].decode('utf8', 'replace')
                        k += l
    else:
        sections[{1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export',
                  9: 'elem', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag'}.get(sid, sid)] = size
    i += size
if not names:
    sys.exit('no name section: link with --profiling-funcs (-DKHABAR_WASM_PROFILING=ON)')

print('sections (raw bytes):', ', '.join(f'{k} {v}' for k, v in sections.items()))
n, j = leb(code, 0)
functions = []
for f in range(n):
    sz, j2 = leb(code, j)
    functions.append((names.get(nimports + f, '?'), code[j2:j2 + sz]))
    j = j2 + sz
print(f'code: {len(code)} raw, {brotli(code)} brotli; by origin (raw, brotli alone, functions):')
groups = collections.defaultdict(list)
for nm, b in functions:
    groups[origin(nm)].append(b)
for g, bs in sorted(groups.items(), key=lambda x: -sum(map(len, x[1]))):
    print(f'  {g:9} {sum(map(len, bs)):8} {brotli(b"".join(bs)):8} {len(bs):6}')

icu = collections.Counter()
for nm, b in functions:
    m = re.search(r'icu_72::(\w+)', nm)
    if m:
        icu[m.group(1)] += len(b)
print('ICU code by class (raw):', ', '.join(f'{k} {v}' for k, v in icu.most_common(30)))

n, j = leb(datasec, 0)
segments = []
for _ in range(n):
    flag, j = leb(datasec, j)
    if flag == 0:  # active, memory 0: an i32.const offset expression
        j += 1
        _, j = leb(datasec, j)
        j += 1
    sz, j = leb(datasec, j)
    segments.append(datasec[j:j + sz])
    j += sz
print(f'data: {len(datasec)} raw, {brotli(datasec)} brotli, {len(segments)} segments; the largest (raw, brotli, first strings):')
for seg in sorted(segments, key=len, reverse=True)[:12]:
    strings = [s.decode()[:32] for s in re.findall(rb'[ -~]{6,}', seg)[:3]]
    print(f'  {len(seg):8} {brotli(seg):8}  {strings}')

if top:
    for b, nm in sorted(((b, nm) for nm, b in functions if want in (None, origin(nm))), key=lambda x: -len(x[0]))[:top]:
        print(f'{len(b):8} {origin(nm):8} {nm[:140]}')
