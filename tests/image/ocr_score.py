#!/usr/bin/env python3
"""How much of a title an OCR engine read back, in order: the longest common subsequence of
the title's letters and digits with the best window of the OCR text (a window at most a third
longer than the title, so letters scattered over the whole card cannot add up), over the
title's letter count.  usage: ocr_score.py TITLE_FILE OCR_FILE MIN_PERCENT  (exit 1 below it)"""
import sys
import unicodedata

FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "ی": "ي", "ہ": "ه", "ھ": "ه"}


def letters(text):
    """The letters and digits, compared as a reader would: case, marks, Arabic letter variants
    and the digits' script folded."""
    out = []
    for c in unicodedata.normalize("NFKD", text):
        if unicodedata.category(c) == "Mn" or c == "\u0640":
            continue
        if c.isdigit():
            out.append(str(unicodedata.digit(c, 0)))
        elif c.isalpha():
            out.append(FOLD.get(c, c).lower())
    return "".join(out)


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def score(title, ocr):
    t, o = letters(title), letters(ocr)
    if not t:
        return 0.0
    span = len(t) * 4 // 3 + 2
    best = 0
    for start in range(0, max(1, len(o) - len(t) // 2)):
        if o[start:start + 1] and o[start] not in t:
            continue
        best = max(best, lcs(t, o[start:start + span]))
        if best == len(t):
            break
    return 100.0 * best / len(t)


if __name__ == "__main__":
    if sys.argv[1] == "--self-test":
        # The metric sees what it must: the title's words reversed score far below the bar.
        title = "الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني"
        assert score(title, "كشـ24\n" + title + "\n21 نونبر 2025") == 100.0
        assert score(title, " ".join(reversed(title.split()))) < 70, score(title, " ".join(reversed(title.split())))
        assert score(title, title[::-1]) < 50
        assert score("Chacun peut se prévaloir", "CHACUN PEUT SE PREVALOIR") == 100.0
        print("ocr_score self-test: ok")
        sys.exit(0)
    title = open(sys.argv[1], encoding="utf-8").read()
    ocr = open(sys.argv[2], encoding="utf-8").read()
    s = score(title, ocr)
    print(f"{s:.1f}% of the title's letters read back in order")
    sys.exit(0 if s >= float(sys.argv[3]) else 1)
