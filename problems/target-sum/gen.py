"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30
SUM = 1000


def split(rng, n, total):
    """n non-negative integers summing to total, in random order."""
    cuts = sorted(rng.randint(0, total) for _ in range(n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    rng.shuffle(parts)
    return parts


def main():
    rng = XorShift64(0x7A46E75A11EED115)
    sol = Solution()
    cases = [
        # 30 values summing to 1000 and a target near the middle: trying all 2^30 sign choices is far
        # too slow, while a table over sums stays small.
        (split(rng, N, SUM), 36),
        # Same size, but the parity of sum + target is odd: no assignment works.
        (split(rng, N, SUM), -137),
        # Ten zeros (each doubles the count), target at the bottom of its range: every other sign is '-'.
        (rng.shuffled([0] * 10 + split(rng, 20, SUM)), -1000),
    ]
    for nums, target in cases:
        emit({"nums": nums, "target": target}, sol.findTargetSumWays(list(nums), target))


def small(rng):
    """1 to 8 values in 0..4 (zeros and duplicates are common), target in -8..8."""
    n = rng.randint(1, 8)
    return {"nums": [rng.randint(0, 4) for _ in range(n)], "target": rng.randint(-8, 8)}


if __name__ == "__main__":
    main()
