"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import builtins
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402


class Node:
    """The judge gives solutions this `Node` class; outside the judge the generator provides one."""

    def __init__(self, x=0, next=None, random=None):
        self.val = x
        self.next = next
        self.random = random


builtins.Node = Node
Solution = load_solution(__file__)

N = 10_000
MAXV = 10_000


def build(pairs):
    """The list written as [[val, random_index or None], ...], as the judge builds it."""
    nodes = [Node(v) for v, _ in pairs]
    for i, (_, r) in enumerate(pairs):
        if i + 1 < len(nodes):
            nodes[i].next = nodes[i + 1]
        if r is not None:
            nodes[i].random = nodes[r]
    return nodes[0] if nodes else None


def to_pairs(head):
    """A returned list back as [[val, random_index or None], ...]."""
    index, node = {}, head
    while node is not None:
        index[node] = len(index)
        node = node.next
    return [[n.val, None if n.random is None else index[n.random]] for n in index]


def small(rng):
    """A short list (0 to 7 nodes, values -3..3 so that repeats are common); each random pointer is
    None or any node of the list, the node itself included."""
    n = rng.randint(0, 7)
    pairs = []
    for _ in range(n):
        r = None if rng.below(4) == 0 else rng.below(n)
        pairs.append([rng.randint(-3, 3), r])
    return {"head": pairs}


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    # The longest allowed list. Most random pointers aim at the second half of the list (one in ten
    # is None): finding each target's position by walking from the head, and then walking the copy
    # to the same position, costs about n^2 steps in total.
    pairs = []
    for _ in range(N):
        r = None if rng.below(10) == 0 else rng.randint(N // 2, N - 1)
        pairs.append([rng.randint(-MAXV, MAXV), r])
    emit({"head": pairs}, to_pairs(Solution().copyRandomList(build(pairs))))


if __name__ == "__main__":
    main()
