"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 5000
E = 10_000


def chain_plan(rng, n, m, close_cycle):
    """m distinct pairs on n courses. A hidden order `perm` is a single chain (perm[k + 1] needs
    perm[k]), so the schedule is n courses deep; the other pairs point forward along the order.
    With close_cycle, the last chain link is doubled back (perm[n - 2] also needs perm[n - 1]),
    so the cycle sits at the very end of the order and only the last two courses are stuck."""
    perm = rng.shuffled(range(n))
    pairs = set()
    for k in range(n - 1):
        pairs.add((perm[k + 1], perm[k]))
    if close_cycle:
        pairs.add((perm[n - 2], perm[n - 1]))
    while len(pairs) < m:
        i, j = rng.below(n), rng.below(n)
        if i < j:
            pairs.add((perm[j], perm[i]))
    out = [list(p) for p in sorted(pairs)]
    rng.shuffle(out)
    return out


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
