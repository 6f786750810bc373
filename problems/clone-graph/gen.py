"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import builtins
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402


class Node:
    """The judge gives solutions this `Node` class; outside the judge the generator provides one."""

    def __init__(self, val=0, neighbors=None):
        self.val = val
        self.neighbors = neighbors if neighbors is not None else []


builtins.Node = Node
Solution = load_solution(__file__)

V = 5000
E = 15_000


def build(adjacency):
    """The graph of an adjacency list (entry i: neighbours of node i + 1), as the judge builds it."""
    nodes = [Node(i + 1) for i in range(len(adjacency))]
    for node, neighbours in zip(nodes, adjacency):
        node.neighbors = [nodes[v - 1] for v in neighbours]
    return nodes[0] if nodes else None


def to_adjacency(start):
    """A returned graph back as an adjacency list (values are 1..n)."""
    if start is None:
        return []
    seen, stack = {start.val: start}, [start]
    while stack:
        for nb in stack.pop().neighbors:
            if nb.val not in seen:
                seen[nb.val] = nb
                stack.append(nb)
    return [[nb.val for nb in seen[v].neighbors] for v in range(1, len(seen) + 1)]


def random_graph(rng, n, extra_edges):
    """A connected graph on 1..n: a random spanning tree plus extra_edges other distinct edges,
    each neighbour list in random order."""
    labels = rng.shuffled(range(1, n + 1))
    edges = set()
    for i in range(1, n):
        a, b = labels[i], labels[rng.below(i)]
        edges.add((min(a, b), max(a, b)))
    target = len(edges) + extra_edges
    while len(edges) < target:
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    adjacency = [[] for _ in range(n)]
    for a, b in sorted(edges):
        adjacency[a - 1].append(b)
        adjacency[b - 1].append(a)
    for neighbours in adjacency:
        rng.shuffle(neighbours)
    return adjacency


def small(rng):
    """A small connected graph (0 to 7 nodes): a random tree plus a few extra edges."""
    n = rng.randint(0, 7)
    if n == 0:
        return {"node": []}
    most = n * (n - 1) // 2 - (n - 1)
    return {"node": random_graph(rng, n, rng.randint(0, min(most, 4)))}


def main():
    rng = XorShift64(0xD6E8FEB86659FD93)
    # The largest allowed graph: V nodes and E edges. Keeping the visited originals (or the copies)
    # in a Python list and searching it for every edge costs about 2 * E * V / 2 comparisons.
    adjacency = random_graph(rng, V, E - (V - 1))
    emit({"node": adjacency}, to_adjacency(Solution().cloneGraph(build(adjacency))))


if __name__ == "__main__":
    main()
