"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 50_000


def small(rng):
    """A small hand with values in a narrow range: half the time built from runs (often valid,
    sometimes with a card changed or dropped), otherwise random cards."""
    k = rng.randint(1, 4)
    if rng.below(2):
        hand = []
        for _ in range(rng.randint(1, max(1, 8 // k))):
            start = rng.randint(0, 4)
            hand += list(range(start, start + k))
        if rng.below(3) == 0:
            i = rng.below(len(hand))
            if rng.below(2) and len(hand) > 1:
                hand.pop(i)
            else:
                hand[i] = rng.randint(0, 6)
        rng.shuffle(hand)
    else:
        hand = [rng.randint(0, 5) for _ in range(rng.randint(1, 8))]
    k = min(k, len(hand))
    return {"hand": hand, "groupSize": k}


def runs(rng, groups, k, spread):
    """`groups` runs of k consecutive numbers, starts random in 0..spread, shuffled."""
    hand = []
    for _ in range(groups):
        start = rng.below(spread)
        hand += range(start, start + k)
    return hand


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    k = 3
    # The cards are overlapping runs of 3 (each number appears many times), ending in three runs
    # at the top of the value range, where the last run is broken (its 10^9 + 1 is a second 10^9):
    # the answer is False, found only after every smaller number has been grouped. Taking the minimum
    # card or searching the hand for each next card is quadratic here.
    hand = runs(rng, N // k - 3, k, 15_000)
    top = 10**9
    hand += [top - 3, top - 2, top - 1, top - 2, top - 1, top, top - 1, top, top]
    hand = hand[:N]
    rng.shuffle(hand)
    emit({"hand": hand, "groupSize": k}, sol.isNStraightHand(list(hand), k))
    # Three numbers with about n / 3 copies each, and one 0 too many and one 2 too few: every
    # group is 0, 1, 2 and only the last one falls short. Searching a sorted list for the next
    # card walks past thousands of copies every time.
    m = N // 3
    hand = [0] * (m + 1) + [1] * m + [2] * (m - 1)
    rng.shuffle(hand)
    emit({"hand": hand, "groupSize": k}, sol.isNStraightHand(list(hand), k))


if __name__ == "__main__":
    main()
