"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 500


def main():
    rng = XorShift64(0xED17D157A11CE5ED)
    sol = Solution()
    # 1. Two unrelated strings over a, b, c (500 and 200 letters): mismatches everywhere, so trying all
    #    three edits at each mismatch without remembering results explodes.
    a = "".join("abc"[rng.below(3)] for _ in range(N))
    b = "".join("abc"[rng.below(3)] for _ in range(200))
    emit({"word1": a, "word2": b}, sol.minDistance(a, b))
    # 2. Both at the top length: word2 is word1 with a few scattered edits, the last one at the very end.
    w = list(a)
    for _ in range(6):
        w[rng.below(N)] = "xyz"[rng.below(3)]
    w[-1] = "q"
    b = "".join(w)
    emit({"word1": a, "word2": b}, sol.minDistance(a, b))
    # 3. No letter in common: 100 replacements and 400 deletions.
    b = "".join("xyz"[rng.below(3)] for _ in range(100))
    emit({"word1": a, "word2": b}, sol.minDistance(a, b))


def small(rng):
    """Two words of 0..7 letters over a, b (sometimes c): empty words and repeats come up often."""
    alpha = "abc" if rng.below(3) == 0 else "ab"
    w1 = "".join(alpha[rng.below(len(alpha))] for _ in range(rng.randint(0, 7)))
    w2 = "".join(alpha[rng.below(len(alpha))] for _ in range(rng.randint(0, 7)))
    return {"word1": w1, "word2": w2}


if __name__ == "__main__":
    main()
