"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

TimeMap = load_class(__file__, "TimeMap")

SETS = 10_000
GETS = 10_000
MAXT = 10_000_000
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def short_name(i):
    """A distinct short string of lowercase letters and digits for every i >= 0."""
    s = ""
    while True:
        s = DIGITS[i % 36] + s
        i //= 36
        if i == 0:
            return s


def run(ops, args):
    obj = TimeMap(*args[0])
    return [None] + [getattr(obj, op)(*a) for op, a in zip(ops[1:], args[1:])]


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    # One key receives SETS values at increasing, irregularly spaced times from about 10^6 up to
    # 10^7, then GETS reads ask for random times over the whole range. About a tenth of them fall
    # before the first set (answer ""), a few name keys that were never set; the rest land anywhere
    # in the history, so a scan from either end walks half the history on average.
    times = []
    t = 1_000_000
    step = 8_500_000 // SETS  # mean gap; the last time lands near 9.5 * 10^6
    for _ in range(SETS):
        t += 1 + rng.below(2 * step - 1)
        times.append(t)
    assert times[-1] <= MAXT
    ops, args = ["TimeMap"], [[]]
    for i, t in enumerate(times):
        ops.append("set")
        args.append(["k", short_name(i), t])
    for _ in range(GETS):
        r = rng.below(100)
        if r < 10:
            q = ["k", rng.randint(1, times[0] - 1)]
        elif r < 12:
            q = ["x" + short_name(rng.below(36)), rng.randint(1, MAXT)]
        else:
            q = ["k", rng.randint(times[0], MAXT)]
        ops.append("get")
        args.append(q)
    emit({"ops": ops, "args": args}, run(ops, args))


def small(rng):
    """A short random call sequence on keys "a", "b" (and "c", never set), times 1..12: each
    key's set times strictly increase, and gets ask before, at, between and after them."""
    ops, args = ["TimeMap"], [[]]
    last = {"a": 0, "b": 0}
    for _ in range(rng.randint(1, 10)):
        key = "ab"[rng.below(2)]
        if rng.below(2) and last[key] < 12:
            t = rng.randint(last[key] + 1, min(12, last[key] + 3))
            last[key] = t
            value = "".join("xy"[rng.below(2)] for _ in range(rng.randint(1, 2)))
            ops.append("set")
            args.append([key, value, t])
        else:
            ops.append("get")
            args.append(["abc"[rng.below(5) // 2], rng.randint(1, 12)])
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
