"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, array_to_list, emit, install_nodes, list_to_array, load_solution  # noqa: E402

install_nodes()
Solution = load_solution(__file__)

N = 7500  # nodes in each list


def interleaved(rng):
    # Both lists spread over the whole value range, so they interleave all the way through and
    # share many equal values: inserting one list's nodes into the other, each time searching
    # from the head, walks further and further (about N^2 steps in total).
    a = sorted(rng.randint(-100, 100) for _ in range(N))
    b = sorted(rng.randint(-100, 100) for _ in range(N))
    return a, b


def first_below_second(rng):
    # Every value of list1 is below every value of list2: a head-first insertion of list2's nodes
    # into list1 walks past all of list1 for each of them.
    a = sorted(rng.randint(-100, -1) for _ in range(N))
    b = sorted(rng.randint(0, 100) for _ in range(N))
    return a, b


def small(rng):
    """Two short sorted lists (either may be empty) over a narrow range, so ties are common."""

    def sorted_list():
        return sorted(rng.randint(-3, 3) for _ in range(rng.randint(0, 5)))

    return {"list1": sorted_list(), "list2": sorted_list()}


def main():
    rng = XorShift64(0xD1B54A32D192ED03)
    for make in (interleaved, first_below_second):
        a, b = make(rng)
        emit({"list1": a, "list2": b}, list_to_array(Solution().mergeTwoLists(array_to_list(a), array_to_list(b))))


if __name__ == "__main__":
    main()
