"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, clone_tree, edited_tree, small_tree, tree_slots, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)
sys.setrecursionlimit(20000)  # as the judge does

ROOT_N = 2000
SUB_N = 1000


def path(vals, sides):
    """A path: vals[k + 1] hangs below vals[k] on side sides[k] ('L' or 'R')."""
    nodes = [TreeNode(v) for v in vals]
    for k, side in enumerate(sides):
        if side == "L":
            nodes[k].left = nodes[k + 1]
        else:
            nodes[k].right = nodes[k + 1]
    return nodes[0]


def caterpillar(spine, leaves):
    """A left path of spine values where spine node k also has a right leaf leaves[k]."""
    nodes = [TreeNode(v) for v in spine]
    for k, node in enumerate(nodes):
        if k + 1 < len(nodes):
            node.left = nodes[k + 1]
        node.right = TreeNode(leaves[k])
    return nodes[0]


def case(sol, root, sub):
    r, s = tree_to_array(root), tree_to_array(sub)
    emit({"root": r, "subRoot": s}, sol.isSubtree(array_to_tree(r), array_to_tree(s)))


def small(rng):
    """root (1-9 nodes) and subRoot (at least one node), values -2..2, for `codify problems check`:
    mostly subRoot is a copy of a subtree of root, as it is or with one small edit; sometimes an
    unrelated small tree."""
    root = small_tree(rng, rng.randint(1, 9), -2, 2)
    nodes = [n for _, _, n in tree_slots(root) if n is not None]
    top = nodes[rng.below(len(nodes))]
    kind = rng.below(8)
    if kind < 3:
        sub = clone_tree(top)
    elif kind < 7:
        sub = edited_tree(rng, top, -2, 2)
    else:
        sub = small_tree(rng, rng.randint(1, 4), -2, 2)
    if sub is None:  # the edit removed the only node
        sub = TreeNode(rng.randint(-2, 2))
    return {"root": tree_to_array(root), "subRoot": tree_to_array(sub)}


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    sol = Solution()

    # 1. A left path of 2000 equal values; subRoot is a left path of 1000 equal values with one
    #    different value 400 levels down. Every start on the path matches 400 levels, then fails.
    v = rng.randint(-10_000, 9_999)
    sub_vals = [v] * SUB_N
    sub_vals[399] = v + 1
    case(sol, path([v] * ROOT_N, "L" * (ROOT_N - 1)), path(sub_vals, "L" * (SUB_N - 1)))

    # 2. A zigzag path of 2000 equal values; subRoot is a copy of its bottom 1000 nodes. The only
    #    match is the deepest start, and every start of the same orientation agrees for up to
    #    1000 levels before the root path turns out to continue below the copy's last node.
    v = rng.randint(-10_000, 10_000)
    sides = "LR" * ROOT_N
    case(sol, path([v] * ROOT_N, sides[: ROOT_N - 1]), path([v] * SUB_N, sides[ROOT_N - SUB_N: ROOT_N - 1]))

    # 3. A caterpillar of 1000 spine nodes, each with a right leaf (2000 nodes, all equal except the
    #    deepest leaf); subRoot copies its bottom 500 spine nodes with their leaves (1000 nodes).
    #    Every start agrees down to the bottom of the copy; only the deepest start matches.
    v = rng.randint(-10_000, 9_999)
    half = ROOT_N // 2
    leaves = [v] * half
    leaves[-1] = v + 1
    sub_leaves = [v] * (SUB_N // 2)
    sub_leaves[-1] = v + 1
    case(sol, caterpillar([v] * half, leaves), caterpillar([v] * (SUB_N // 2), sub_leaves))


if __name__ == "__main__":
    main()
