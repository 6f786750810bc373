"""Shared helpers for the problem generators (problems/<slug>/gen.py).

Each gen.py writes its problem's large.jsonl deterministically:

    cd problems/<slug> && python3 gen.py > large.jsonl

and imports what they all need from here: a small seeded PRNG (so the output never
depends on Python's `random` module or version), the JSON-line emitter, and a loader
for the problem's reference Solution. The app's loader skips folders whose names start
with "_", so problems/_gen is not taken for a problem.

Anything changed here changes the generated files: keep every output byte-identical.
"""
import importlib.util
import json
import os
import sys

MASK = (1 << 64) - 1


class XorShift64:
    """64-bit xorshift PRNG (shifts 13, 7, 17); a seed of 0 is replaced by 1."""

    def __init__(self, seed):
        self.s = seed & MASK or 1

    def next(self):
        """The next raw 64-bit value."""
        x = self.s
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        self.s = x
        return x

    def below(self, n):
        """An integer in [0, n)."""
        return self.next() % n

    def randint(self, lo, hi):
        """An integer in [lo, hi], both ends included."""
        return lo + self.next() % (hi - lo + 1)

    def shuffle(self, a):
        """Fisher-Yates shuffle of the list a, in place."""
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]

    def shuffled(self, items):
        """A shuffled copy of items, as a new list."""
        a = list(items)
        self.shuffle(a)
        return a


def emit(inp, expected, compact=True):
    """Print one hidden test with edge "large" as a JSON line.

    compact=True writes no spaces after "," and ":"; compact=False keeps json's default
    separators (", " and ": "), which some problems' large.jsonl files use.
    """
    line = {"input": inp, "expected": expected, "hidden": True, "edge": "large"}
    print(json.dumps(line, separators=(",", ":") if compact else None))


def load_solution(gen_file):
    """Return the reference Solution class from solution.py next to gen_file (pass __file__)."""
    return load_class(gen_file, "Solution")


def load_class(gen_file, name):
    """Return the class `name` (LRUCache, Trie, Codec, ...) from solution.py next to gen_file.

    `codify problems check` loads gen.py to call its small(rng) without the reference at hand: there
    load_solution and load_class return None, so call them at module level only to bind a name, and use
    the class inside main() alone.
    """
    path = os.path.join(os.path.dirname(os.path.abspath(gen_file)), "solution.py")
    spec = importlib.util.spec_from_file_location("solution", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return getattr(module, name)
