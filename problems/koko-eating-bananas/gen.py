"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def small(rng):
    """1..6 piles of 1..9 bananas (ties common) and h from len(piles) to a bit over the total."""
    n = rng.randint(1, 6)
    piles = [rng.randint(1, 9) for _ in range(n)]
    h = rng.randint(n, sum(piles) + 3)
    return {"piles": piles, "h": h}


def main():
    rng = XorShift64(0xB4A4A4A5)
    n = 10_000
    # 1) h == n: every pile must go in one hour, the answer is the largest pile (10^9), which
    #    sits at the end. Counting speeds up from 1, or from ceil(sum / h), takes ~10^9 tries.
    piles = [rng.randint(1, 10**5) for _ in range(n - 1)] + [10**9]
    emit({"piles": piles, "h": n}, Solution().minEatingSpeed(piles, n))
    # 2) h == 10^9 with huge piles: the answer is small but not 1, far from max(piles), so
    #    counting speeds down from the largest pile takes ~10^9 tries.
    piles = [rng.randint(5 * 10**8, 10**9) for _ in range(n)]
    h = 10**9
    emit({"piles": piles, "h": h}, Solution().minEatingSpeed(piles, h))
    # 3) an answer in the middle of the range, h a little above n.
    piles = [rng.randint(1, 10**9) for _ in range(n)]
    h = n + 7_777
    emit({"piles": piles, "h": h}, Solution().minEatingSpeed(piles, h))


if __name__ == "__main__":
    main()
