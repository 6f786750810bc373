"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_class  # noqa: E402

DetectSquares = load_class(__file__, "DetectSquares")

CALLS = 3000
COUNTS = 100  # the last COUNTS calls are queries, made when every point is stored


def run(ops, args):
    obj = DetectSquares(*args[0])
    return [None] + [getattr(obj, op)(*a) for op, a in zip(ops[1:], args[1:])]


def cluster(rng):
    # 2900 points in a 30 x 30 block (about 3 copies of each), then 100 queries inside the block:
    # every query has thousands of squares. Trying all pairs of stored points per query is
    # 2900^2 steps, 100 times over.
    lo = 400
    points = [[lo + rng.below(30), lo + rng.below(30)] for _ in range(CALLS - COUNTS)]
    queries = [[lo + rng.below(30), lo + rng.below(30)] for _ in range(COUNTS)]
    return points, queries


def columns(rng):
    # 2900 points on five vertical lines that cover the whole range of y (and a few stray points),
    # so a query on one of those lines has about 400 candidate second corners; the lines are 250
    # apart, so squares of side 250, 500, 750 and 1000 exist.
    xs = [0, 250, 500, 750, 1000]
    points = []
    for _ in range(CALLS - COUNTS):
        if rng.below(20) == 0:
            points.append([rng.randint(0, 1000), rng.randint(0, 1000)])
        else:
            points.append([xs[rng.below(5)], rng.randint(0, 1000)])
    queries = [[xs[rng.below(5)], rng.randint(0, 1000)] for _ in range(COUNTS)]
    return points, queries


def main():
    rng = XorShift64(0xE7037ED1A0B428DB)
    for make in (cluster, columns):
        points, queries = make(rng)
        ops = ["DetectSquares"] + ["add"] * len(points) + ["count"] * len(queries)
        args = [[]] + [[p] for p in points] + [[q] for q in queries]
        emit({"ops": ops, "args": args}, run(ops, args))


def small(rng):
    """A short random call sequence on a tiny grid (2 to 4 points a side, at the low or the high
    end of 0..1000), so that repeated points and squares on both sides of a query come up often."""
    side = rng.randint(2, 4)
    base = 0 if rng.below(2) else 1001 - side
    ops, args = ["DetectSquares"], [[]]
    for _ in range(rng.randint(1, 16)):
        ops.append("count" if rng.below(4) == 0 else "add")
        args.append([[base + rng.below(side), base + rng.below(side)]])
    return {"ops": ops, "args": args}


if __name__ == "__main__":
    main()
