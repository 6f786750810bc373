"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 10_000
E = 12_000


def random_graph(rng, n, m, wlo, whi, base=None):
    """m distinct directed edges u != v on nodes 1..n (plus the edges in base, kept first)."""
    edges = list(base or [])
    seen = {(u, v) for u, v, _ in edges}
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v and (u, v) not in seen:
            seen.add((u, v))
            edges.append([u, v, rng.randint(wlo, whi)])
    return edges


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    # A cheap chain k -> ... through every node (weight 0, every 100th edge weight 1: about 40 in
    # all), listed last-to-first, plus random shortcuts of weight 100: the chain is the shortest
    # route everywhere, so Bellman-Ford needs ~N rounds over all edges, and array-scanning
    # Dijkstra does N^2 = 10^8 steps.
    order = list(range(1, N + 1))
    rng.shuffle(order)
    chain = [[order[i], order[i + 1], 1 if i % 100 == 99 else 0] for i in range(N - 1)]
    edges = random_graph(rng, N, E, 100, 100, base=chain[::-1])
    emit({"times": edges, "n": N, "k": order[0]},
         Solution().networkDelayTime([e[:] for e in edges], N, order[0]))
    # Random weights over a random dense-ish graph where the last node is unreachable (no
    # edge enters it): the answer is -1 only after the whole graph is explored.
    # 3000 nodes and 10^4 edges keep nearly every node reachable from k.
    n = 3000
    edges = random_graph(rng, n - 1, E - 2001, 0, 100)
    k = edges[0][0]  # a node with an outgoing edge, inside the giant component
    edges.append([n, k, 5])  # node n only sends: it never hears the signal
    emit({"times": edges, "n": n, "k": k}, Solution().networkDelayTime([e[:] for e in edges], n, k))


def small(rng):
    """1 to 6 nodes, a few distinct edges with weights 0..4 (ties and zero weights common)."""
    n = rng.randint(1, 6)
    m = rng.randint(0, min(n * (n - 1), 9))
    return {"times": random_graph(rng, n, m, 0, 4), "n": n, "k": rng.randint(1, n)}


if __name__ == "__main__":
    main()
