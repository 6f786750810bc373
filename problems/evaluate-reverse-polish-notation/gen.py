"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

LIMIT = 2**31 - 1
OPS = "+-*/"


def apply(op, a, b):
    """a op b, with division truncating toward zero."""
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    q = abs(a) // abs(b)
    return -q if (a < 0) != (b < 0) else q


def all_numbers_first(rng, count):
    # count numbers followed by count - 1 operators: the expression folds from the right,
    # a1 op (a2 op (... op an)), so the first operator only appears halfway through the list
    # and a solution that rescans the list for the first operator does ~n^2 / 8 steps.
    nums = [rng.randint(-200, 200) for _ in range(count)]
    nums[rng.below(count)] = 200
    nums[rng.below(count)] = -200
    ops = []
    acc = nums[-1]
    for a in reversed(nums[:-1]):
        op = OPS[rng.below(4)]
        if op == "/" and acc == 0:
            op = "+"
        if op == "*" and abs(a * acc) > LIMIT:
            op = "-" if rng.below(2) else "+"
        acc = apply(op, a, acc)
        ops.append(op)
    return [str(v) for v in nums] + ops


def left_chain(rng, count):
    # ((a1 op a2) op a3) op ...: the stack never holds more than two values.
    acc = rng.randint(-200, 200)
    tokens = [str(acc)]
    for _ in range(count - 1):
        b = rng.randint(-200, 200)
        op = OPS[rng.below(4)]
        if op == "/" and b == 0:
            op = "-"
        if op == "*" and abs(acc * b) > LIMIT:
            op = "/" if b != 0 else "+"
        acc = apply(op, acc, b)
        tokens += [str(b), op]
    return tokens


def small(rng):
    """A random well-formed expression of 1 to 6 numbers in -3..3 (zeros, negatives, truncating divisions)."""
    while True:
        stack = []  # (tokens, value) of the finished subexpressions
        leaves = rng.randint(1, 6)
        made = 0
        ok = True
        while made < leaves or len(stack) > 1:
            if made < leaves and (len(stack) < 2 or rng.below(2)):
                v = rng.randint(-3, 3)
                stack.append(([str(v)], v))
                made += 1
            else:
                tb, b = stack.pop()
                ta, a = stack.pop()
                op = OPS[rng.below(4)]
                if op == "/" and b == 0:
                    ok = False
                    break
                stack.append((ta + tb + [op], apply(op, a, b)))
        if ok:
            return {"tokens": stack[0][0]}


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    for tokens in (all_numbers_first(rng, 5000), left_chain(rng, 5000)):
        emit({"tokens": tokens}, sol.evalRPN(list(tokens)))


if __name__ == "__main__":
    main()
