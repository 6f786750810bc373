"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic); small(rng) feeds `codify problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000


def main():
    rng = XorShift64(0x7EEE6A1DC0DE5EED)
    sol = Solution()
    cases = []
    # 1. One long path through all nodes in a random order, its edges listed from one end to the
    #    other: True. A search per edge walks the whole growing path each time (n^2 / 2 steps), and a
    #    recursive search goes n levels deep.
    order = rng.shuffled(range(N))
    edges = [[order[i], order[i + 1]] if rng.below(2) else [order[i + 1], order[i]] for i in range(N - 1)]
    cases.append((N, edges))
    # 2. The same kind of path with its last edge replaced by one that closes a cycle (its ends are
    #    the path's two far ends), leaving the last node alone: n - 1 edges, but False, found only at
    #    the very last edge.
    order = rng.shuffled(range(N))
    edges = [[order[i], order[i + 1]] for i in range(N - 2)]
    edges.append([order[N - 2], order[0]])
    cases.append((N, edges))
    # 3. A random tree (each node hangs from a random earlier one) plus one more edge between two
    #    far-apart nodes, edges shuffled: n edges, so False. A solution that skips the edge count
    #    must find the cycle itself.
    labels = rng.shuffled(range(N))
    edges = [[labels[i], labels[rng.below(i)]] for i in range(1, N)]
    extra = [labels[N - 1], labels[N - 2]]
    if extra in edges:  # the last node already hangs from the one before it
        extra = [labels[N - 1], labels[N - 3]]
    edges.append(extra)
    rng.shuffle(edges)
    cases.append((N, edges))
    for n, edges in cases:
        emit({"n": n, "edges": edges}, sol.validTree(n, [list(e) for e in edges]))


def small(rng):
    """1 to 6 nodes: a random tree, a tree with one edge added or removed, or random distinct edges."""
    n = rng.randint(1, 6)
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    kind = rng.below(4)
    if kind < 3:
        labels = rng.shuffled(range(n))
        chosen = {tuple(sorted((labels[i], labels[rng.below(i)]))) for i in range(1, n)}
        if kind == 1 and len(chosen) < len(pairs):  # add an edge: a cycle, n edges
            extra = [p for p in pairs if p not in chosen]
            chosen.add(extra[rng.below(len(extra))])
        elif kind == 2 and chosen:  # drop an edge: two pieces
            chosen.discard(sorted(chosen)[rng.below(len(chosen))])
    else:
        chosen = {p for p in pairs if rng.below(3) == 0}
    edges = [list(p) if rng.below(2) else [p[1], p[0]] for p in sorted(chosen)]
    rng.shuffle(edges)
    return {"n": n, "edges": edges}


if __name__ == "__main__":
    main()
