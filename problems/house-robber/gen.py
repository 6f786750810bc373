"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 30_000


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    sol = Solution()
    # 1) random amounts over the whole range.
    a = [rng.randint(0, 400) for _ in range(N)]
    # 2) runs of equal amounts with zeros mixed in, so that the best plan
    #    sometimes skips two houses in a row and the last house matters.
    b = []
    while len(b) < N:
        v = rng.randint(0, 400)
        b.extend([v + rng.randint(0, 2) if v <= 398 else v] * rng.randint(1, 6))
        if rng.below(4) == 0:
            b.append(0)
    b = b[:N]
    b[-1] = 400
    # Recursing on "rob or skip" without memory is exponential, and a table filled by looking
    # back over every earlier house (best[i] = nums[i] + max(best[:i - 1])) does n^2 / 2 steps.
    for nums in (a, b):
        emit({"nums": nums}, sol.rob(list(nums)))


def small(rng):
    """1..8 amounts, usually 0..4 (ties and zeros), sometimes up to 400."""
    n = rng.randint(1, 8)
    hi = 400 if rng.below(5) == 0 else 4
    return {"nums": [rng.randint(0, hi) for _ in range(n)]}


if __name__ == "__main__":
    main()
