"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

OPEN = "([{"
CLOSE = {"(": ")", "[": "]", "{": "}"}


def deep(rng, n):
    """n // 2 random openers followed by their closers: nesting depth n / 2."""
    opens = [OPEN[rng.below(3)] for _ in range(n // 2)]
    return "".join(opens) + "".join(CLOSE[c] for c in reversed(opens))


def walk(rng, n):
    """A random balanced string of length n whose depth wanders up and down."""
    out, stack = [], []
    while len(out) < n:
        left = n - len(out)
        if stack and (len(stack) == left or rng.below(100) < 45):
            out.append(CLOSE[stack.pop()])
        else:
            c = OPEN[rng.below(3)]
            stack.append(c)
            out.append(c)
    return "".join(out)


def emit_case(s):
    emit({"s": s}, Solution().isValid(s), compact=False)


def small(rng):
    """One small random input: a bracket string of length 1..8, often balanced or nearly so."""
    n = rng.randint(1, 8)
    kind = rng.below(3)
    if kind == 0:
        # any string over two or three bracket kinds' characters
        alphabet = "()[]{}"[: 2 * rng.randint(1, 3)]
        return {"s": "".join(alphabet[rng.below(len(alphabet))] for _ in range(n))}
    # a balanced string of even length (n rounded up), with the depth wandering
    m = n + n % 2
    out, stack = [], []
    while len(out) < m:
        left = m - len(out)
        if stack and (len(stack) == left or rng.below(2)):
            out.append(CLOSE[stack.pop()])
        else:
            c = OPEN[rng.below(3)]
            stack.append(c)
            out.append(c)
    if kind == 2:
        # one edit: replace, drop or insert a single bracket
        i = rng.below(len(out))
        op = rng.below(3)
        c = "()[]{}"[rng.below(6)]
        if op == 0:
            out[i] = c
        elif op == 1 and len(out) > 1:
            del out[i]
        else:
            out.insert(i, c)
    return {"s": "".join(out)}


def main():
    rng = XorShift64(0xB4ACE75)
    n = 100000
    emit_case(deep(rng, n))                  # balanced, very deep nesting
    s = deep(rng, n)
    last = s[-1]
    wrong = ")" if last != ")" else "]"
    emit_case(s[:-1] + wrong)                # only the very last bracket is wrong
    emit_case(walk(rng, n))                  # balanced, random shape


if __name__ == "__main__":
    main()
