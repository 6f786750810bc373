"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
C = 10_000


def unique_cut(points, k):
    """The k nearest k' to k for which the k-th and (k'+1)-th squared distances differ."""
    d = sorted(x * x + y * y for x, y in points)
    for step in range(len(points)):
        for kk in (k + step, k - step):
            if 1 <= kk < len(points) and d[kk - 1] < d[kk]:
                return kk
    return len(points)


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    sol = Solution()
    # Half of the points are chosen: any method that picks the closest point again and again,
    # or compares every point with every other, does about n^2 / 2 steps.
    pts = [[rng.randint(-C, C), rng.randint(-C, C)] for _ in range(N - 4)]
    pts += [[C, C], [-C, -C], [C, -C], [-C, C]]  # the corners, the farthest points allowed
    rng.shuffle(pts)
    k = unique_cut(pts, N // 2)
    emit({"points": pts, "k": k}, sol.kClosest([list(p) for p in pts], k))
    # Points crowd near the origin with many equal distances; the chosen set is k = n - 1,
    # so only the single farthest point is left out, and it comes last.
    pts = [[rng.randint(-60, 60), rng.randint(-60, 60)] for _ in range(N - 1)]
    pts.append([-C, C - 1])
    emit({"points": pts, "k": N - 1}, sol.kClosest([list(p) for p in pts], N - 1))


def small(rng):
    """One to eight points with coordinates in -3..3 (repeated points and equal distances are
    common) and a k whose cut is unique: the k-th closest is strictly closer than the next."""
    while True:
        n = rng.randint(1, 8)
        pts = [[rng.randint(-3, 3), rng.randint(-3, 3)] for _ in range(n)]
        k = rng.randint(1, n)
        d = sorted(x * x + y * y for x, y in pts)
        if k == n or d[k - 1] < d[k]:
            return {"points": pts, "k": k}


if __name__ == "__main__":
    main()
