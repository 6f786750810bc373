"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

AMOUNT = 5000


def main():
    rng = XorShift64(0xC014C4A46E11EED2)
    sol = Solution()
    cases = [
        # The 300 largest multiples of 16 up to 5000 and an amount that is not one: no way at all, so a search over
        # combinations has to try them all before it can answer 0.
        (AMOUNT, rng.shuffled([16 * k for k in range(13, 313)])),
        # Small coins with hundreds of millions of combinations (enumerating them is hopeless),
        # plus the largest coin, which pays the amount on its own.
        (AMOUNT, [17, 3, 13, 5000, 7, 11]),
        # Odd amount, small even coins and one coin equal to the amount (listed last): exactly one way,
        # found only after every combination of the even coins has failed.
        (AMOUNT - 1, [2, 4, 6, 8, 10, 4999]),
    ]
    for amount, coins in cases:
        emit({"amount": amount, "coins": coins}, sol.change(amount, list(coins)))


def small(rng):
    """1 to 4 distinct coins in 1..9 (sometimes one larger than any amount), amount 0..20."""
    k = rng.randint(1, 4)
    coins = []
    while len(coins) < k:
        c = rng.randint(1, 9)
        if c not in coins:
            coins.append(c)
    if rng.below(5) == 0:
        coins.append(rng.randint(21, 5000))
    rng.shuffle(coins)
    return {"amount": rng.randint(0, 20), "coins": coins}


if __name__ == "__main__":
    main()
