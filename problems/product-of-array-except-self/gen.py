"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x5EED0238)
    n = 5 * 10**4
    # Mostly 1 and -1 so that every prefix/suffix product stays within 32 bits,
    # with a few larger factors spread out (one of them in the last position).
    nums = [1 if rng.randint(0, 1) else -1 for _ in range(n)]
    for pos, val in ((rng.randint(0, n // 3), -3), (rng.randint(n // 3, 2 * n // 3), 5), (n - 1, -2)):
        nums[pos] = val
    emit({"nums": nums}, Solution().productExceptSelf(nums))


def small(rng):
    """2-8 values in -3..3: zeros (none, one, several), negatives and ones come up often."""
    n = rng.randint(2, 8)
    return {"nums": [rng.randint(-3, 3) for _ in range(n)]}


if __name__ == "__main__":
    main()
