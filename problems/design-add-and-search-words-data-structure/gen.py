"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.dont_write_bytecode = True  # keep the problem folder free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

WordDictionary = load_class(__file__, "WordDictionary")  # a design class: genlib's load_solution expects Solution

TOTAL = 10_000  # calls after the constructor
ADDS = 5_000
MAXLEN = 25
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def rand_letters(rng, n):
    return "".join(LETTERS[rng.below(26)] for _ in range(n))


def new_word(rng, words):
    # Words of 4 to 10 letters, most of them 7 letters long, and most growing out of an earlier
    # word (a prefix of it plus fresh letters), so that they share beginnings as in a dictionary.
    # Mostly equal lengths mean that grouping the words by length still leaves a big group to scan.
    length = 7 if rng.below(10) < 9 else 4 + rng.below(7)
    if words and rng.below(10) < 7:
        base = words[rng.below(len(words))]
        cut = rng.below(min(len(base), length - 1) + 1)
        return base[:cut] + rand_letters(rng, length - cut)
    return rand_letters(rng, length)


def dot_position(rng, n):
    # Uniform over 0..n-1, except that position 0 comes up four times less often.
    i = rng.below(n)
    if i == 0 and n > 1 and rng.below(4) != 0:
        i = 1 + rng.below(n - 1)
    return i


def with_dots(rng, w, lead=False):
    # Replace one or two letters (two most of the time) by dots. A dot in front makes a trie try
    # every first letter, so it is drawn less often than the other positions; two dots in front
    # (every two-letter beginning) only when lead is set.
    s = list(w)
    if lead:
        return ".." + w[2:]
    i = dot_position(rng, len(s))
    s[i] = "."
    if len(s) > 2 and rng.below(4) != 0:
        j = dot_position(rng, len(s))
        while j == i or i + j == 1:
            j = dot_position(rng, len(s))
        s[j] = "."
    return "".join(s)


def near_miss(rng, wd, words):
    # A stored word with one letter changed and one or two other letters dotted, rejected by
    # every stored word, so that a scan must look at all of them.
    while True:
        w = list(words[rng.below(len(words))])
        i = rng.below(len(w))
        w[i] = LETTERS[rng.below(26)]
        q = list(with_dots(rng, "".join(w)))
        if q[i] == ".":
            continue
        q = "".join(q)
        if not wd.search(q):
            return q


def long_stream(rng):
    ops, args = [], []
    wd = WordDictionary()  # tracks what is stored, to build hits and misses
    words = []

    def call(op, s):
        ops.append(op)
        args.append([s])
        if op == "addWord":
            wd.addWord(s)
            words.append(s)

    # The extreme lengths: a word of 25 letters, one of a single letter, and dotted probes.
    long_word = rand_letters(rng, MAXLEN)
    call("addWord", long_word)
    call("addWord", "q")
    call("search", long_word[:3] + "." + long_word[4:20] + "." + long_word[21:])
    call("search", long_word[:24] + ".")
    call("search", long_word[:-1])
    call("search", ".")
    call("search", "..")
    words.clear()  # later words and probes come from the shorter words only

    # First store most of the words, then ask: dotted hits and dotted near misses, a few plain
    # lookups, and the remaining additions mixed in.
    while len(ops) < TOTAL:
        r = rng.below(100)
        storing = len(ops) < ADDS * 9 // 10
        if storing and r < 95 or not storing and r < 2 or not words:
            call("addWord", new_word(rng, words))
        elif r < 24:
            call("search", with_dots(rng, words[rng.below(len(words))], lead=rng.below(100) == 0))
        elif r < 94:
            call("search", near_miss(rng, wd, words))
        elif r < 97:
            call("search", words[rng.below(len(words))])
        else:
            w = words[rng.below(len(words))]
            call("search", w[:-1])
    return ops[:TOTAL], args[:TOTAL]


def small(rng):
    """A short random op sequence (constructor, then 0 to 12 calls) for `problems check`: words of
    1 to 4 letters over a 2 or 3 letter alphabet; queries are stored words, their prefixes or
    one-letter extensions, or random words, with 0 to 2 letters replaced by dots."""
    alphabet = "ab" if rng.below(2) else "abc"

    def word():
        return "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 4)))

    ops, args, stored = ["WordDictionary"], [[]], []
    for _ in range(rng.randint(0, 12)):
        r = rng.below(10)
        if r < 4 or not stored and r < 6:
            w = word()
            stored.append(w)
            ops.append("addWord")
        else:
            if stored and rng.below(3):
                w = stored[rng.below(len(stored))]
                t = rng.below(3)
                if t == 0 and len(w) > 1:
                    w = w[: rng.randint(1, len(w) - 1)]  # a proper prefix of a stored word
                elif t == 1:
                    w += alphabet[rng.below(len(alphabet))]  # one letter longer than a stored word
            else:
                w = word()
            q = list(w)
            for _ in range(rng.below(3)):  # up to two dots (the same position may come up twice)
                q[rng.below(len(q))] = "."
            w = "".join(q)
            ops.append("search")
        args.append([w])
    return {"ops": ops, "args": args}


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    ops, args = long_stream(rng)
    obj = WordDictionary()
    expected = [None] + [getattr(obj, op)(*a) for op, a in zip(ops, args)]
    emit({"ops": ["WordDictionary"] + ops, "args": [[]] + args}, expected)


if __name__ == "__main__":
    main()
