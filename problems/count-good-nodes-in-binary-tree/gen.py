"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, random_tree_shape, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 100_000


def small(rng):
    """One small random tree (1 to 9 nodes, values -3..3, sometimes all equal) for `problems check`."""
    root, nodes = random_tree_shape(rng, rng.randint(1, 9))
    same = rng.below(6) == 0
    v = rng.randint(-3, 3)
    for node in nodes:
        node.val = v if same else rng.randint(-3, 3)
    return {"root": tree_to_array(root)}


def main():
    rng = XorShift64(0x3C6EF372FE94F82B)
    sol = Solution()
    # A path of 10^5 nodes, each the only child of the previous one on a random side. Node i
    # holds a digit in 0..(10 * i // N), so the path maximum creeps up from 0 to 9 along the
    # way and good nodes keep appearing down to the bottom. Single digits keep the file small
    # (a path costs a null per node in level order). Copying the path, or walking back up to
    # the root, for every node costs ~n^2 / 2 steps; recursion goes 10^5 deep.
    root = node = TreeNode(0)
    for i in range(1, N):
        child = TreeNode(rng.below(10 * i // N + 1))
        if rng.below(2):
            node.left = child
        else:
            node.right = child
        node = child
    arr = tree_to_array(root)
    emit({"root": arr}, sol.goodNodes(array_to_tree(arr)))


if __name__ == "__main__":
    main()
