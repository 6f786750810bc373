"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

AMOUNT = 10_000


def main():
    rng = XorShift64(0xC01C4A4E6E5EED01)
    sol = Solution()
    # Twelve distinct even coins: every reachable sum is even.
    evens = []
    while len(evens) < 12:
        c = 2 * rng.randint(1, 60)
        if c not in evens:
            evens.append(c)
    cases = [
        # Reachable with many small coins: a search over combinations explodes, and taking the
        # largest coin first is not optimal for these values. One coin is far above the amount.
        ([1, 7, 10, 23, 37, 41, 53, 67, 73, 89, 97, 2_147_483_647], AMOUNT),
        # Odd amount, even coins: unreachable, so no search can stop early.
        (evens, AMOUNT - 1),
        # Large coins only, two of them near 2^31.
        ([311, 419, 523, 877, 991, 1_999_999_999, 2_147_483_646], AMOUNT),
    ]
    for coins, amount in cases:
        emit({"coins": coins, "amount": amount}, sol.coinChange(list(coins), amount))


def small(rng):
    """1 to 4 distinct coins in 1..9 (sometimes one huge coin), amount 0..20."""
    k = rng.randint(1, 4)
    coins = []
    while len(coins) < k:
        c = rng.randint(1, 9)
        if c not in coins:
            coins.append(c)
    if rng.below(5) == 0:
        coins.append(2_147_483_647)
    return {"coins": coins, "amount": rng.randint(0, 20)}


if __name__ == "__main__":
    main()
