"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000


def balanced_mix(rng, broken):
    # A long random balanced string whose brackets are partly replaced by '*': the range of possible
    # open counts stays wide (thousands), so tracking every count (or a table over all prefixes and
    # counts) does about n^2 work. When `broken`, a third of the string is replaced by leading '('
    # that the rest cannot all close, so the answer (false) is only known at the very end.
    half = N // 2
    chars = ["("] * half + [")"] * half
    # turn a random sequence into a balanced one: keep a running balance
    rng.shuffle(chars)
    out, bal = [], 0
    opens = half
    for c in chars:
        if c == ")" and bal == 0:
            c = "("
        if c == "(" and opens == 0:
            c = ")"
        if c == "(":
            opens -= 1
            bal += 1
        else:
            bal -= 1
        out.append(c)
    while bal > 0:
        out.append(")")
        bal -= 1
    out = out[:N]
    for i in range(len(out)):
        if rng.below(3) == 0:
            out[i] = "*"
    if broken:
        # open brackets at the start that nothing later can close: the answer is false at the end
        k = N // 3
        out = ["("] * k + out[: N - k]
    return "".join(out)


def small(rng):
    """1..8 characters of '(', ')' and '*', with '*'-heavy and bracket-heavy strings both common."""
    n = rng.randint(1, 8)
    weights = "()*" if rng.below(2) else "(()*))"
    return {"s": "".join(weights[rng.below(len(weights))] for _ in range(n))}


def main():
    rng = XorShift64(0xD6E8FEB86659FD93)
    sol = Solution()
    for broken in (False, True):
        s = balanced_mix(rng, broken)
        emit({"s": s}, sol.checkValidString(s))


if __name__ == "__main__":
    main()
