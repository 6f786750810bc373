"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100
LIMIT = 2**31 - 1

# Pieces to build long strings from: ambiguous ones ("1", "2", "12", "26", "21") multiply the
# count, forced ones ("10", "20", "7", "30"-free digits) keep it in check.
PIECES = ["1", "1", "1", "2", "2", "12", "26", "21", "10", "20", "7", "9", "34", "5"]


def count(s):
    # Plain forward count, independent of the reference, used to keep the answer in range.
    a, b = 0, 1
    for i, d in enumerate(s):
        c = b if d != "0" else 0
        if i and (s[i - 1] == "1" or (s[i - 1] == "2" and d <= "6")):
            c += a
        a, b = b, c
    return b


def big_answer(rng):
    # A 100-digit string whose answer lies between 10^9 and 2^31 - 1: any recursion that tries
    # both cuts without remembering results visits at least that many cuttings.
    while True:
        s = ""
        while len(s) < N:
            s += PIECES[rng.below(len(PIECES))]
        s = s[:N]
        if 10**9 <= count(s) <= LIMIT:
            return s


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    # 1) mixed pieces with a count near the 32-bit limit.
    a = big_answer(rng)
    # 2) 45 ones (1836311903 cuttings) then forced digits to the end.
    b = "1" * 45 + "".join("10" if rng.below(2) else "7" for _ in range(40))
    b = (b + "3" * N)[:N]
    # 3) a long ambiguous prefix that turns impossible only at the very end ("...30"): the
    #    answer is 0, but a recursion without memory explores every cutting of the prefix first.
    c = "12" * 21 + "1" * 50 + "2" + "7" * 5 + "30"
    for s in (a, b, c):
        assert len(s) == N and count(s) <= LIMIT
        emit({"s": s}, sol.numDecodings(s))


def small(rng):
    """A digit string of 1..8 characters, mostly from '0', '1', '2', '6', '7' (the digits that matter)."""
    n = rng.randint(1, 8)
    alphabet = "0126712" if rng.below(4) else "0123456789"
    return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))}


if __name__ == "__main__":
    main()
