"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.dont_write_bytecode = True  # keep the problem folder free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

Trie = load_class(__file__, "Trie")  # a design class: genlib's load_solution expects Solution

TOTAL = 15_000  # calls after the constructor
MAXLEN = 2000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def rand_letters(rng, n):
    return "".join(LETTERS[rng.below(26)] for _ in range(n))


def new_word(rng, words):
    # Most words grow out of an earlier word: a prefix of it plus a few fresh letters, so that
    # the stored words share prefixes the way a dictionary does.
    if words and rng.below(10) < 8:
        base = words[rng.below(len(words))]
        cut = rng.below(min(len(base), 6) + 1)
        return base[:cut] + rand_letters(rng, 1 + rng.below(4))
    return rand_letters(rng, 1 + rng.below(6))


def near_miss(rng, trie, words):
    # A prefix of a stored word with its last letter changed so that no stored word starts with
    # it: a scan over the stored words finds no match and must look at every one of them.
    while True:
        w = words[rng.below(len(words))]
        p = w[: 1 + rng.below(len(w))]
        p = p[:-1] + LETTERS[rng.below(26)]
        if not trie.startsWith(p):
            return p


def long_stream(rng):
    ops, args = [], []
    trie = Trie()  # tracks what is stored, to build hits and misses
    words = []
    stored = set()

    def call(op, s):
        ops.append(op)
        args.append([s])
        if op == "insert":
            trie.insert(s)
            if s not in stored:
                stored.add(s)
                words.append(s)

    # Three words of the largest length that differ only near their ends, and probes that walk
    # their whole length.
    stem = rand_letters(rng, MAXLEN - 10)
    longs = [stem + rand_letters(rng, 10) for _ in range(3)]
    for w in longs:
        call("insert", w)
    words.clear()  # later words and probes grow from the short words only
    call("search", longs[0])
    call("search", longs[1][:-1])
    call("startsWith", longs[2][:-1])
    call("startsWith", longs[2][:-1] + ("a" if longs[2][-1] != "a" else "b"))

    # The first half mostly stores words; the second half mostly asks, and most of its questions
    # are near misses.
    fill = [90, 95, 100, 100, 100]  # cumulative: insert, startsWith hit, startsWith miss, search, search prefix
    ask = [5, 33, 92, 96, 100]
    while len(ops) < TOTAL:
        cuts = fill if len(ops) < TOTAL // 2 else ask
        r = rng.below(100)
        if r < cuts[0] or not words:
            call("insert", new_word(rng, words))
        elif r < cuts[1]:
            # startsWith that succeeds: a prefix of a stored word
            w = words[rng.below(len(words))]
            call("startsWith", w[: 1 + rng.below(len(w))])
        elif r < cuts[2]:
            call("startsWith", near_miss(rng, trie, words))
        elif r < cuts[3]:
            call("search", words[rng.below(len(words))])
        else:
            # a prefix of a stored word, often not a word itself
            w = words[rng.below(len(words))]
            call("search", w[: max(1, len(w) - 1)])
    return ops[:TOTAL], args[:TOTAL]


def small(rng):
    """A short random op sequence (constructor, then 0 to 12 calls) for `problems check`: words of
    1 to 4 letters over a 2 or 3 letter alphabet, so that stored words share prefixes, repeat, and
    queries hit whole words, proper prefixes, one-letter extensions and near misses."""
    alphabet = "ab" if rng.below(2) else "abc"

    def word():
        return "".join(alphabet[rng.below(len(alphabet))] for _ in range(rng.randint(1, 4)))

    ops, args, stored = ["Trie"], [[]], []
    for _ in range(rng.randint(0, 12)):
        r = rng.below(10)
        if r < 4 or not stored and r < 6:
            w = word()
            stored.append(w)
            ops.append("insert")
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
            ops.append("search" if rng.below(2) else "startsWith")
        args.append([w])
    return {"ops": ops, "args": args}


def main():
    rng = XorShift64(0x94D049BB133111EB)
    ops, args = long_stream(rng)
    obj = Trie()
    expected = [None] + [getattr(obj, op)(*a) for op, a in zip(ops, args)]
    emit({"ops": ["Trie"] + ops, "args": [[]] + args}, expected)


if __name__ == "__main__":
    main()
