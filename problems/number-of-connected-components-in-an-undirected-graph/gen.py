"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
E = 20_000


def long_paths(rng):
    """N nodes, E distinct edges. Most nodes lie on one long path (so flooding labels along
    edges needs thousands of rounds and a depth-first search goes thousands deep); a few
    shorter paths and a scatter of isolated nodes make several components. The remaining
    edges are short chords (2 to 4 steps along a path), which keep the paths long; node
    numbers, the direction of each edge and the edge order are shuffled."""
    label = rng.shuffled(range(N))
    groups = [(0, 7000), (7000, 9000), (9000, 9900), (9900, 9950)]  # the rest stay isolated
    edges = set()
    for lo, hi in groups:
        for i in range(lo, hi - 1):
            edges.add((i, i + 1))
    while len(edges) < E:
        lo, hi = groups[rng.below(3)]
        i = rng.randint(lo, hi - 5)
        edges.add((i, i + rng.randint(2, 4)))
    out = []
    for i, j in sorted(edges):
        a, b = label[i], label[j]
        out.append([a, b] if rng.below(2) else [b, a])
    rng.shuffle(out)
    return out


def small(rng):
    """1 to 7 nodes and up to 8 distinct edges (either direction, never [a, a])."""
    n = rng.randint(1, 7)
    possible = [(a, b) for a in range(n) for b in range(a + 1, n)]
    rng.shuffle(possible)
    edges = []
    for a, b in possible[: rng.randint(0, min(8, len(possible)))]:
        edges.append([a, b] if rng.below(2) else [b, a])
    return {"n": n, "edges": edges}


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    edges = long_paths(rng)
    emit({"n": N, "edges": edges}, Solution().countComponents(N, [list(e) for e in edges]))


if __name__ == "__main__":
    main()
