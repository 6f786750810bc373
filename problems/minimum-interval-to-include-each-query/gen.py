"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
Q = 10_000
TOP = 10_000_000


def nested_and_scattered(rng):
    # Random intervals of every length across 1..10^7 plus queries anywhere, some outside every
    # interval: checking all intervals per query is n * q = 10^8 steps. The widest interval covers
    # everything and is listed last, so no query's scan can stop early on it.
    intervals = []
    for _ in range(N - 1):
        size = 1 + rng.below(10 ** rng.randint(1, 6))
        left = 1 + rng.below(TOP - size + 1)
        intervals.append([left, left + size - 1])
    rng.shuffle(intervals)
    intervals.append([1, TOP])
    queries = [1 + rng.below(TOP) for _ in range(Q - 2)] + [1, TOP]
    rng.shuffle(queries)
    return intervals, queries


def many_misses(rng):
    # Short intervals in the lower half only; half the queries lie above every interval (answer -1).
    # Smaller (3000 each) to keep the file short.
    intervals = []
    for _ in range(3000):
        left = 1 + rng.below(TOP // 2)
        intervals.append([left, left + rng.below(50)])
    queries = [1 + rng.below(TOP) for _ in range(3000)]
    return intervals, queries


def small(rng):
    """1 to 5 intervals in 1..8 and 1 to 5 queries in 1..9, so repeats, ties and misses come up often."""
    intervals = []
    for _ in range(rng.randint(1, 5)):
        left = rng.randint(1, 8)
        intervals.append([left, rng.randint(left, min(8, left + 4))])
    queries = [rng.randint(1, 9) for _ in range(rng.randint(1, 5))]
    return {"intervals": intervals, "queries": queries}


def main():
    rng = XorShift64(0x51554552494E5456)
    sol = Solution()
    for make in (nested_and_scattered, many_misses):
        intervals, queries = make(rng)
        emit({"intervals": intervals, "queries": queries},
             sol.minInterval([list(iv) for iv in intervals], list(queries)))


if __name__ == "__main__":
    main()
