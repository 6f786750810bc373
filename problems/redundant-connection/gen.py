"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000


def pairs_then_chain(rng):
    """A path 1 - 2 - ... - N closed into a ring by the extra edge [1, N], listed last.
    First come the N / 2 disjoint pairs [2k - 1, 2k] (in random order), then the links
    [2k, 2k + 1] in path order: each link joins the part built so far to a new pair, and
    both of its ends are already in the graph, so a search from its first end over the edges
    seen so far walks the whole built part before giving up, about N^2 / 4 steps in all."""
    pairs = [[2 * k - 1, 2 * k] for k in range(1, N // 2 + 1)]
    rng.shuffle(pairs)
    links = [[2 * k, 2 * k + 1] for k in range(1, N // 2)]
    return pairs + links + [[1, N]]


def cycle_first(rng):
    """The cycle (a triangle) comes first in the list, then a long thin tree hangs off it:
    trying edges from the end and testing whether the rest still connects everything
    must reject almost all N edges, each at the cost of a search of the whole graph."""
    label = [0] + rng.shuffled(range(1, N + 1))
    edges = [(label[1], label[2]), (label[2], label[3]), (label[1], label[3])]
    for i in range(4, N + 1):
        lo = max(1, i - 3)
        edges.append((label[rng.randint(lo, i - 1)], label[i]))
    return [sorted(e) for e in edges]


def small(rng):
    """3 to 8 nodes: a random tree plus one extra edge between two nodes not yet joined,
    edges in random order, each written [smaller, larger]."""
    n = rng.randint(3, 8)
    label = [0] + rng.shuffled(range(1, n + 1))
    edges = set()
    for i in range(2, n + 1):
        a, b = label[rng.randint(1, i - 1)], label[i]
        edges.add((min(a, b), max(a, b)))
    while len(edges) < n:
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    out = [list(e) for e in sorted(edges)]
    rng.shuffle(out)
    return {"edges": out}


def main():
    rng = XorShift64(0x94D049BB133111EB)
    sol = Solution()
    for make in (pairs_then_chain, cycle_first):
        edges = make(rng)
        emit({"edges": edges}, sol.findRedundantConnection([list(e) for e in edges]))


if __name__ == "__main__":
    main()
