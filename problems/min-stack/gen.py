"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

MinStack = load_class(__file__, "MinStack")

CALLS = 25_000  # calls after the constructor
PUSHES = 12_000


def run(ops, args):
    stack = None
    out = []
    for op, a in zip(ops, args):
        if op == "MinStack":
            stack = MinStack(*a)
            out.append(None)
        else:
            out.append(getattr(stack, op)(*a))
    return out


def tall_stack_many_mins(rng):
    # Build a tall stack, then ask for the minimum over and over while it stays tall: a getMin that
    # scans the stack costs about PUSHES steps per call. Short push/pop excursions below the current
    # minimum (including equal copies of it) make the minimum change and come back; tops are mixed in.
    ops, args = ["MinStack"], [[]]
    low = 100
    for _ in range(PUSHES):
        v = rng.below(100)
        low = min(low, v)
        ops.append("push")
        args.append([v])
    while len(ops) < CALLS + 1:
        r = rng.below(100)
        if r < 96 or len(ops) > CALLS - 3:
            ops.append("getMin" if r < 93 else "top")
            args.append([])
        else:
            x = low - rng.below(3)  # at or below the current minimum
            ops += ["push", "getMin", "pop"]
            args += [[x], [], []]
    return ops, args


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    ops, args = tall_stack_many_mins(rng)
    emit({"ops": ops, "args": args}, run(ops, args))


def small(rng):
    """A short random call sequence with values in -3..3 (many equal copies of the minimum);
    pop, top and getMin come only while the stack is non-empty."""
    ops, args = ["MinStack"], [[]]
    size = 0
    for _ in range(rng.randint(1, 12)):
        r = rng.below(10)
        if size == 0 or r < 4:
            ops.append("push")
            args.append([rng.randint(-3, 3)])
            size += 1
        else:
            op = ("pop", "top", "getMin", "getMin")[r % 4]
            ops.append(op)
            args.append([])
            size -= op == "pop"
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
