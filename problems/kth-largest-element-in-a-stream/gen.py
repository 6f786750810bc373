"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.dont_write_bytecode = True  # keep the problem folder free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

KthLargest = load_class(__file__, "KthLargest")

N = 10_000  # initial scores
M = 10_000  # calls to add
LIM = 10_000


def long_stream(rng):
    # Ten thousand initial scores and ten thousand adds over the whole value range (both ends
    # present), so the stream reaches 2 * 10^4 scores: re-sorting everything on each add does
    # about 10^4 passes over more than 10^4 scores. A k in the upper third of the stream makes a
    # good share of the adds displace the current k-th largest.
    nums = [rng.randint(-LIM, LIM) for _ in range(N - 2)] + [LIM, -LIM]
    rng.shuffle(nums)
    k = 3_000 + rng.below(1_000)
    adds = [rng.randint(-LIM, LIM) for _ in range(M)]
    return k, nums, adds


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    k, nums, adds = long_stream(rng)
    obj = KthLargest(k, list(nums))
    expected = [None] + [obj.add(v) for v in adds]
    emit({"ops": ["KthLargest"] + ["add"] * M, "args": [[k, nums]] + [[v] for v in adds]}, expected)


def small(rng):
    """A few initial scores and adds in -3..3 (ties everywhere), with k anywhere from 1 to
    len(nums) + 1, so the stream may start with fewer than k scores."""
    nums = [rng.randint(-3, 3) for _ in range(rng.randint(0, 6))]
    k = rng.randint(1, len(nums) + 1)
    adds = [rng.randint(-3, 3) for _ in range(rng.randint(1, 8))]
    return {"ops": ["KthLargest"] + ["add"] * len(adds), "args": [[k, nums]] + [[v] for v in adds]}


if __name__ == "__main__":
    main()
