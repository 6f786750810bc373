"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, complete_tree, path_tree, small_tree, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)
sys.setrecursionlimit(20000)  # as the judge does

N = 10_000
MAXV = 100


def value(rng):
    return rng.randint(-MAXV, MAXV)


def case(sol, root):
    arr = tree_to_array(root)
    emit({"root": arr}, sol.rightSideView(array_to_tree(arr)))


def small(rng):
    """One small random tree (0-9 nodes, values -3..3), for `codify problems check`."""
    return {"root": tree_to_array(small_tree(rng, rng.randint(0, 9), -3, 3))}


def main():
    rng = XorShift64(0xBB67AE8584CAA73B)
    sol = Solution()
    # 1. A path of 10^4 nodes turning at random: every node is seen, and a solution that walks
    #    down from the root once per level does ~n^2 / 2 steps; recursion goes 10^4 deep.
    case(sol, path_tree(rng, N, value))
    # 2. A complete tree of 10^4 nodes: the deepest level is less than half full, so its
    #    rightmost node lies in the root's left subtree.
    case(sol, complete_tree(rng, N, value))
    # 3. The root's right subtree is a path of 3000 nodes, its left subtree a path of 6999:
    #    the view follows the right path for 3000 levels, then the left path to the bottom.
    root = TreeNode(value(rng))
    root.right = path_tree(rng, 3000, value)
    root.left = path_tree(rng, N - 3001, value)
    case(sol, root)


if __name__ == "__main__":
    main()
