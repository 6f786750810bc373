"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, install_nodes, load_solution  # noqa: E402
from genlib import TreeNode, array_to_tree, random_tree_shape, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 10_000
LO, HI = -(2**31), 2**31 - 1


def zigzag(rng, n):
    """A valid path of n nodes that turns at every step: each value lies strictly between all the
    values above it, the interval closing in from both ends of the 32-bit range."""
    low, high = LO - 1, HI + 1  # open interval of allowed values
    vals = []
    for k in range(n):
        # take a value near the bottom of the interval after a right turn, near the top after a left one
        gap = (high - low - 1) // (n - k + 1)
        step = 1 + rng.below(max(1, gap))
        v = low + step if k % 2 == 0 else high - step
        if k == 0:
            v = LO  # the smallest legal value at the root: -2^31 used as a sentinel fails here
        if k == 1:
            v = HI  # and the largest right below it
        vals.append(v)
        if k % 2 == 0:
            low = v  # the next node hangs to the right of this one
        else:
            high = v  # the next node hangs to the left of this one
    nodes = [TreeNode(v) for v in vals]
    for k in range(n - 1):
        if k % 2 == 0:
            nodes[k].right = nodes[k + 1]
        else:
            nodes[k].left = nodes[k + 1]
    return nodes[0]


def descending_with_hook(n):
    """A left path n-1, ..., 1 ... ending in a right child whose value equals its grandparent's:
    fine for its parent, but not strictly below the grandparent (the bound two levels up)."""
    nodes = [TreeNode(v) for v in range(n - 1, 0, -1)]
    for a, b in zip(nodes, nodes[1:]):
        a.left = b
    nodes[-1].right = TreeNode(nodes[-2].val)
    return nodes[0]


def balanced_with_trap(rng, n):
    """A balanced BST of n distinct values over the full range, then the largest value of the
    root's left subtree (the root's in-order predecessor, deep in the tree) is raised to equal
    the root: every parent-child pair still looks fine, only the root's bound catches it."""
    vals = set([LO, HI])
    while len(vals) < n:
        vals.add(rng.randint(LO, HI))
    vals = sorted(vals)

    def make(lo, hi):
        if lo > hi:
            return None
        mid = (lo + hi) // 2
        return TreeNode(vals[mid], make(lo, mid - 1), make(mid + 1, hi))

    root = make(0, n - 1)
    node = root.left
    while node.right:
        node = node.right
    node.val = root.val
    return root


def case(sol, root):
    arr = tree_to_array(root)
    emit({"root": arr}, sol.isValidBST(array_to_tree(arr)))


def small(rng):
    """One small tree for `problems check`: a valid BST of 1 to 9 distinct values (narrow range,
    sometimes reaching -2^31 and 2^31 - 1), left valid a third of the time and otherwise made
    near-valid: two values swapped, a value equal to an ancestor's, or a value just past the bound
    an ancestor sets."""
    n = rng.randint(1, 9)
    root, nodes = random_tree_shape(rng, n)
    values = sorted(rng.shuffled(range(-5, 6))[:n])
    if rng.below(4) == 0:
        values[0] = LO
    if rng.below(4) == 0:
        values[-1] = HI
    ordered, ancestors = [], {}

    def in_order(node, above):
        if node:
            ancestors[id(node)] = above
            in_order(node.left, above + [node])
            ordered.append(node)
            in_order(node.right, above + [node])

    in_order(root, [])
    for node, v in zip(ordered, values):
        node.val = v
    how = rng.below(3)
    if how and n >= 2:
        kind = rng.below(3)
        if kind == 0:  # swap two values (sometimes neighbours in order)
            i = rng.below(n)
            j = (i + 1) % n if rng.below(2) else rng.below(n)
            ordered[i].val, ordered[j].val = ordered[j].val, ordered[i].val
        else:
            node = nodes[1 + rng.below(n - 1)]  # not the root: it has an ancestor
            above = ancestors[id(node)]
            anc = above[rng.below(len(above))]
            if kind == 1:  # equal to an ancestor
                node.val = anc.val
            else:  # one step past an ancestor's value, on the wrong side for this node
                in_left = node.val < anc.val
                node.val = anc.val + (1 if in_left else -1)
                node.val = min(HI, max(LO, node.val))
    return {"root": tree_to_array(root)}


def main():
    rng = XorShift64(0xA54FF53A5F1D36F1)
    sol = Solution()
    # 1. A valid zigzag path of 10^4 nodes over the whole 32-bit range: the answer is true, so
    #    every node must be checked; rescanning subtrees for their min / max costs ~n^2 / 2.
    case(sol, zigzag(rng, N))
    # 2. A left path of 10^4 nodes whose last node breaks the bound set two levels above it.
    case(sol, descending_with_hook(N))
    # 3. A balanced BST of 10^4 nodes with one duplicate of the root hidden in its left subtree.
    case(sol, balanced_with_trap(rng, N))


if __name__ == "__main__":
    main()
