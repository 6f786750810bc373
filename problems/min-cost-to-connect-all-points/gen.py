"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 500
C = 10**6


def distinct_points(rng, n, lo, hi):
    seen = set()
    pts = []
    while len(pts) < n:
        p = (rng.randint(lo, hi), rng.randint(lo, hi))
        if p not in seen:
            seen.add(p)
            pts.append([p[0], p[1]])
    return pts


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    # 500 points spread over the whole square: every pair is a candidate edge, so an
    # O(n^3) Prim (rescanning all tree-to-outside pairs each step) does ~2 * 10^7 steps.
    pts = distinct_points(rng, N, -C, C)
    emit({"points": pts}, Solution().minCostConnectPoints([p[:] for p in pts]))
    # 500 points on a diagonal-ish walk: the tree is a long chain, costs near the top values.
    pts = []
    x, y = -C, -C
    for i in range(N):
        pts.append([x, y])
        x += rng.randint(1, 2000)
        y += rng.randint(1, 2000)
    rng.shuffle(pts)
    emit({"points": pts}, Solution().minCostConnectPoints([p[:] for p in pts]))


def small(rng):
    """1 to 8 distinct points in a small square, so equal distances (ties) are common."""
    n = rng.randint(1, 8)
    return {"points": distinct_points(rng, n, -3, 3)}


if __name__ == "__main__":
    main()
