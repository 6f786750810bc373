"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import TreeNode, XorShift64, array_to_tree, emit, install_nodes, load_solution, tree_to_array  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 20_000


def insert_all(values):
    """A BST built by inserting values in the given order (iteratively: chains are deep)."""
    root = None
    for v in values:
        node = TreeNode(v)
        if root is None:
            root = node
            continue
        cur = root
        while True:
            side = "left" if v < cur.val else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, node)
                break
            cur = nxt
    return root


def find(root, value):
    node = root
    while node.val != value:
        node = node.left if value < node.val else node.right
    return node


def answer(arr, p, q):
    root = array_to_tree(arr)
    return Solution().lowestCommonAncestor(root, find(root, p), find(root, q)).val


def small(rng):
    """A small random BST (2 to 8 nodes, distinct values from -5..5, inserted in random order, so
    chains and bushy shapes both occur) and two different nodes of it, in either order."""
    n = rng.randint(2, 8)
    values = rng.shuffled(range(-5, 6))[:n]
    p, q = rng.shuffled(values)[:2]
    return {"root": tree_to_array(insert_all(values)), "p": p, "q": q}


def main():
    rng = XorShift64(0x94D049BB133111EB)
    pool = sorted(rng.shuffled(range(1, 100_000))[:N])

    # 1. A zigzag chain: values taken alternately from the low and the high end of the pool, so
    #    every node's only child goes right, then left, then right, ... The three middle values
    #    end it: the middle one of them is inserted first and the other two become its leaves.
    #    p is the larger leaf and q the smaller one, so the answer sits at depth N - 3. Recording
    #    the root-to-node path with a fresh list copy at each level costs about N^2 / 2 element
    #    copies per node searched.
    lo, hi, order = 0, N - 1, []
    while lo <= hi:
        order.append(pool[lo])
        lo += 1
        if lo <= hi:
            order.append(pool[hi])
            hi -= 1
    a, b, c = sorted(order[-3:])
    order[-3:] = [b, c, a]
    arr = tree_to_array(insert_all(order))
    p, q = c, a
    emit({"root": arr, "p": p, "q": q}, answer(arr, p, q))

    # 2. A chain leaning left (values inserted largest first), half as long: p is the deepest node
    #    and q lies six levels above it, so q itself is the answer.
    values = sorted(rng.shuffled(range(-50_000, 50_000))[: N // 2], reverse=True)
    arr = tree_to_array(insert_all(values))
    p, q = values[-1], values[-7]
    emit({"root": arr, "p": p, "q": q}, answer(arr, p, q))


if __name__ == "__main__":
    main()
