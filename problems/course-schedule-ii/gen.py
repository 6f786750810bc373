"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, chain_plan, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 5000
E = 10_000


def small(rng):
    """1 to 6 courses and up to 8 distinct pairs, never [a, a]: half the time
    forward pairs of a hidden order (always possible), otherwise any pairs (cycles common)."""
    n = rng.randint(1, 6)
    m = rng.randint(0, min(8, n * n))
    perm = rng.shuffled(range(n))
    acyclic = rng.below(2) == 0
    pairs = []
    for _ in range(3 * m):
        if len(pairs) == m:
            break
        a, b = rng.below(n), rng.below(n)
        if acyclic:
            if a == b:
                continue
            if perm.index(a) < perm.index(b):
                a, b = b, a
        elif a == b:
            continue
        if [a, b] not in pairs:
            pairs.append([a, b])
    return {"numCourses": n, "prerequisites": pairs}


def main():
    rng = XorShift64(0x9FB21C651E98DF25)
    sol = Solution()
    for close_cycle in (False, True):
        pairs = chain_plan(rng, N, E, close_cycle)
        emit({"numCourses": N, "prerequisites": pairs}, sol.findOrder(N, [list(p) for p in pairs]))


if __name__ == "__main__":
    main()
