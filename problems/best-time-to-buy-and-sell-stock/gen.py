"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)


def main():
    rng = XorShift64(0x5EED0121)
    n = 5 * 10**4
    # A falling trend with noise: early highs cannot be sold later at a profit,
    # so the best trade comes from a late dip followed by a rebound.
    prices = []
    for i in range(n):
        base = 9000 - (8000 * i) // n
        prices.append(max(0, min(10**4, base + rng.randint(-900, 900))))
    prices[n - 40] = 150
    prices[n - 2] = 2600
    emit({"prices": prices}, Solution().maxProfit(prices))


def small(rng):
    """1 to 8 prices in 0..5, so repeats, zeros and falling runs are common."""
    n = rng.randint(1, 8)
    return {"prices": [rng.randint(0, 5) for _ in range(n)]}


if __name__ == "__main__":
    main()
