"""small(rng) for `codify problems check`. Exponential problem: no large.jsonl (LeetCode-sized inputs)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64  # noqa: E402,F401


def count_combinations(values, target):
    """How many multisets of the given distinct values sum to target (coin-change count)."""
    ways = [1] + [0] * target
    for v in values:
        for s in range(v, target + 1):
            ways[s] += ways[s - v]
    return ways[target]


def small(rng):
    """1 to 5 distinct values in 2..12 (sometimes 2..40), target 1..20 (sometimes 1..40),
    with fewer than 150 combinations as the constraints promise."""
    while True:
        n = rng.randint(1, 5)
        hi = 12 if rng.below(3) else 40
        candidates = rng.shuffled(range(2, hi + 1))[:n]
        target = rng.randint(1, 20) if rng.below(3) else rng.randint(1, 40)
        if count_combinations(candidates, target) < 150:
            return {"candidates": candidates, "target": target}
