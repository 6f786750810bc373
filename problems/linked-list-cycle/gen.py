"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import ListNode, XorShift64, emit, install_nodes, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 10_000
MAXV = 100_000


def build(values, pos):
    """The list of values whose last node links back to index pos (-1: no loop), as the judge builds it."""
    nodes = [ListNode(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    if nodes and pos >= 0:
        nodes[-1].next = nodes[pos]
    return nodes[0] if nodes else None


def small(rng):
    """A short list (0 to 8 nodes, values -3..3 so that repeats are common) with a loop or without."""
    n = rng.randint(0, 8)
    values = [rng.randint(-3, 3) for _ in range(n)]
    pos = -1 if n == 0 or rng.below(2) else rng.below(n)
    return {"head": values, "pos": pos}


def main():
    rng = XorShift64(0x9E3779B97F4A7C15)
    # Three lists of the largest allowed length. Remembering visited nodes in a Python list and
    # searching it at every step costs about N^2 / 2 comparisons in each case, because every node
    # is visited before the first repeat (or the end) is seen.
    # 1. The last node links back to the node just before it: the loop is found only at the far end.
    # 2. The last node links back to index 3: a long loop through almost the whole list.
    # 3. No loop, with many repeated values (a set of values would wrongly report one).
    for pos in (N - 2, 3, -1):
        if pos == -1:
            values = [rng.randint(-50, 50) for _ in range(N)]
        else:
            values = [rng.randint(-MAXV, MAXV) for _ in range(N)]
        emit({"head": values, "pos": pos}, Solution().hasCycle(build(values, pos)))


if __name__ == "__main__":
    main()
