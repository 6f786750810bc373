"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 5000


def main():
    rng = XorShift64(0xC001D0A15EED0113)
    sol = Solution()
    # Zig-zag prices with noise: many profitable trades, where the cooldown decides which ones to take.
    zig = [min(1000, max(0, (900 if i % 3 == 1 else 100) + rng.randint(-100, 100))) for i in range(N)]
    # A random walk over the whole price range: long runs up and down.
    walk = []
    p = 500
    for _ in range(N):
        p = min(1000, max(0, p + rng.randint(-40, 40)))
        walk.append(p)
    # Falling prices for almost the whole range, then one jump at the very end.
    fall = [1000 - (i * 1000) // (N - 1) for i in range(N - 1)] + [1000]
    for prices in (zig, walk, fall):
        emit({"prices": prices}, sol.maxProfit(list(prices)))


def small(rng):
    """1 to 8 prices in 0..5: ties, zeros and short rises come up often."""
    n = rng.randint(1, 8)
    return {"prices": [rng.randint(0, 5) for _ in range(n)]}


if __name__ == "__main__":
    main()
