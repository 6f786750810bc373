"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, small_tree, tree_to_array  # noqa: E402

install_nodes()
sys.setrecursionlimit(20000)  # the judge's limit
Solution = load_solution(__file__)

N = 10_000


def right_chain(rng):
    # Every node hangs on the right of the one before: 10^4 levels, diameter N - 1. Measuring the
    # height below every node separately costs about N^2 / 2 steps here.
    root = cur = TreeNode(rng.randint(-100, 100))
    for _ in range(N - 1):
        cur.right = TreeNode(rng.randint(-100, 100))
        cur = cur.right
    return root


def random_chain(rng, length):
    """A chain of `length` nodes, each on a random side of the one before; returns (top, bottom)."""
    top = bottom = TreeNode(rng.randint(-100, 100))
    for _ in range(length - 1):
        nxt = TreeNode(rng.randint(-100, 100))
        if rng.below(2):
            bottom.left = nxt
        else:
            bottom.right = nxt
        bottom = nxt
    return top, bottom


def stem_and_fork(rng):
    # The root has one extra leaf and a 2000-node stem below it; the stem ends in a fork with two arms
    # of 3999 and 3998 nodes. The longest path runs from arm tip to arm tip (3999 + 3998 = 7997 edges)
    # and never touches the root; through the root the best is only 1 + 2000 + 3999 = 6000 edges.
    root = TreeNode(rng.randint(-100, 100))
    stem_top, stem_bottom = random_chain(rng, 2000)
    root.left, root.right = stem_top, TreeNode(rng.randint(-100, 100))
    fork = TreeNode(rng.randint(-100, 100))
    stem_bottom.left = fork
    fork.left = random_chain(rng, 3999)[0]
    fork.right = random_chain(rng, N - 2003 - 3999)[0]
    return root


def small(rng):
    """One small random tree (1-9 nodes, values -3..3), for `codify problems check`."""
    return {"root": tree_to_array(small_tree(rng, rng.randint(1, 9), -3, 3))}


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    for make in (right_chain, stem_and_fork):
        arr = tree_to_array(make(rng))
        emit({"root": arr}, Solution().diameterOfBinaryTree(array_to_tree(arr)))


if __name__ == "__main__":
    main()
