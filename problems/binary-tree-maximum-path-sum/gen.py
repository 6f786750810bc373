"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, random_tree_shape, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(100_000)  # the reference recurses once per level of a 3 * 10^4-node chain
Solution = load_solution(__file__)

N = 30_000
MAXV = 1000


def zigzag_chain(rng):
    # One path of N nodes, each the left or the right child of the one before (chosen at random):
    # height N. Values are mostly small and negative-leaning, with a stretch of large positive
    # values far down, so the best path lies deep and a solution that re-walks the chain below
    # every node (n^2 / 2 steps) cannot finish.
    root = TreeNode(rng.randint(-MAXV, MAXV))
    node = root
    for i in range(1, N):
        if N - 2_000 <= i < N - 1_000:
            v = rng.randint(-300, MAXV)
        else:
            v = rng.randint(-MAXV, MAXV - 100)
        child = TreeNode(v)
        if rng.below(2):
            node.left = child
        else:
            node.right = child
        node = child
    return root


def complete_negative(rng):
    # A complete tree (heap numbering, about 15 levels) where every value is negative: the answer
    # is the single largest value, placed on the last level.
    values = [rng.randint(-MAXV, -2) for _ in range(N)]
    values[N - 3] = -1
    nodes = [TreeNode(v) for v in values]
    for i in range(N):
        if 2 * i + 1 < N:
            nodes[i].left = nodes[2 * i + 1]
        if 2 * i + 2 < N:
            nodes[i].right = nodes[2 * i + 2]
    return nodes[0]


def small(rng):
    """One small random tree (1 to 9 nodes, values -3..3, sometimes all negative) for `problems check`."""
    root, nodes = random_tree_shape(rng, rng.randint(1, 9))
    lo, hi = (-4, -1) if rng.below(5) == 0 else (-3, 3)
    for node in nodes:
        node.val = rng.randint(lo, hi)
    return {"root": tree_to_array(root)}


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    for make in (zigzag_chain, complete_negative):
        root = make(rng)
        emit({"root": tree_to_array(root)}, Solution().maxPathSum(root))


if __name__ == "__main__":
    main()
