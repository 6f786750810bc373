"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

MedianFinder = load_class(__file__, "MedianFinder")

CALLS = 50_000
TOP = 100_000
FIRST = 25_000  # numbers added in the first phase


def value(rng):
    # One value in four from the whole range, the others from [-99, 99], so the median keeps
    # moving around zero (and the file stays small).
    return rng.randint(-TOP, TOP) if rng.below(4) == 0 else rng.randint(-99, 99)


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    # Phase 1 adds 2.5 * 10^4 numbers with a findMedian after every 100th. Phase 2 repeats "add
    # one number, ask for the median three times" up to 5 * 10^4 calls, so about 1.9 * 10^4
    # medians are asked of 2.5 * 10^4 to 3.1 * 10^4 numbers. Sorting the numbers for every
    # findMedian costs at least n steps per call even when the list is kept and re-sorted in place
    # (n log n when a fresh copy is sorted): over 5 * 10^8 steps in all.
    ops, args = ["MedianFinder"], [[]]
    extremes = {rng.below(FIRST): TOP, rng.below(FIRST): -TOP}
    for i in range(FIRST):
        ops.append("addNum")
        args.append([extremes.get(i, value(rng))])
        if i % 100 == 99:
            ops.append("findMedian")
            args.append([])
    while len(ops) - 1 + 4 <= CALLS:
        ops += ["addNum", "findMedian", "findMedian", "findMedian"]
        args += [[value(rng)], [], [], []]
    while len(ops) - 1 < CALLS:
        ops.append("findMedian")
        args.append([])
    mf = None
    expected = []
    for op, a in zip(ops, args):
        if op == "MedianFinder":
            mf = MedianFinder()
            expected.append(None)
        else:
            expected.append(getattr(mf, op)(*a))
    emit({"ops": ops, "args": args}, expected)


def small(rng):
    """A short call sequence: numbers in -3..3 (repeats, zeros, negatives), a findMedian only
    once a number has been added, at odd and even counts alike."""
    ops, args = ["MedianFinder", "addNum"], [[], [rng.randint(-3, 3)]]
    for _ in range(rng.randint(0, 12)):
        if rng.below(2):
            ops.append("addNum")
            args.append([rng.randint(-3, 3)])
        else:
            ops.append("findMedian")
            args.append([])
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
