"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    # 1) random amounts, with the two ends (which touch) both at the maximum, so that ignoring
    #    the circle overcounts.
    a = [rng.randint(0, 1000) for _ in range(N)]
    a[0] = a[-1] = 1000
    # 2) an odd-length circle of big and small houses alternating from both ends: the straight
    #    row's best plan takes both ends, the circle must give one of them up.
    b = [rng.randint(900, 1000) if i % 2 == 0 else rng.randint(0, 100) for i in range(N - 1)]
    # Exponential "rob or skip" recursion, or a table that looks back over all earlier houses
    # (n^2 / 2 steps per row), cannot finish; two linear passes take milliseconds.
    for nums in (a, b):
        emit({"nums": nums}, sol.rob(list(nums)))


def small(rng):
    """1..8 amounts, usually 0..4 (ties and zeros), sometimes up to 1000."""
    n = rng.randint(1, 8)
    hi = 1000 if rng.below(5) == 0 else 4
    return {"nums": [rng.randint(0, hi) for _ in range(n)]}


if __name__ == "__main__":
    main()
