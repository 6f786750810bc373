"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

K = 10_000  # the largest number of lists
N = 10_000  # the largest total number of nodes
LO, HI = -10_000, 10_000


def rising_singletons(rng):
    # 10^4 one-node lists, each value above all earlier ones: folding the lists into the answer one
    # at a time walks the whole answer built so far at every step (about N^2 / 2 node visits).
    values = sorted(rng.randint(LO, HI) for _ in range(N))
    return [[v] for v in values]


def interleaved_pairs(rng):
    # 5000 two-node lists whose values interleave: list i holds ranks i and i + 5000 of one sorted
    # sequence. Whatever order the lists are folded in, each fold walks the answer built so far.
    k = N // 2
    ranks = sorted(rng.randint(LO, HI) for _ in range(N))
    lists = [[ranks[i], ranks[i + k]] for i in range(k)]
    rng.shuffle(lists)
    return lists


def ties_and_empties(rng):
    # 10^4 lists: half of them empty, the rest short runs over a tiny range of values, so equal
    # values tie all the time (the nodes themselves must never be compared).
    lists = []
    for _ in range(K // 2):
        lists.append([])
        lists.append(sorted(rng.randint(-3, 3) for _ in range(2)))
    rng.shuffle(lists)
    return lists


def small(rng):
    """0 to 5 short sorted lists (any of them may be empty) over a narrow range, so ties are common."""
    k = rng.randint(0, 5)
    lists = [sorted(rng.randint(-3, 3) for _ in range(rng.randint(0, 4))) for _ in range(k)]
    return {"lists": lists}


def main():
    rng = XorShift64(0x9FB21C651E98DF25)
    for make in (rising_singletons, interleaved_pairs, ties_and_empties):
        lists = make(rng)
        expected = list_to_array(Solution().mergeKLists([array_to_list(l) for l in lists]))
        emit({"lists": lists}, expected)


if __name__ == "__main__":
    main()
