"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

E = 10_000
SMALL_AIRPORTS = ["JFK", "AAA", "ABC", "JFA", "KUL", "ZZZ"]


def code(i):
    """The i-th three-letter code in alphabetical order (0 -> AAA)."""
    a, b, c = i // 676, i // 26 % 26, i % 26
    return chr(65 + a) + chr(65 + b) + chr(65 + c)


def walk_tickets(rng, airports, m):
    """The m tickets of a random walk from JFK (no self-flights), shuffled."""
    here = "JFK"
    tickets = []
    for _ in range(m):
        there = airports[rng.below(len(airports))]
        while there == here:
            there = airports[rng.below(len(airports))]
        tickets.append([here, there])
        here = there
    rng.shuffle(tickets)
    return tickets


def small(rng):
    """1..8 tickets of a random walk over 2..6 airports: repeated routes and dead ends come up often."""
    k = rng.randint(2, len(SMALL_AIRPORTS))
    return {"tickets": walk_tickets(rng, SMALL_AIRPORTS[:k], rng.randint(1, 8))}


def main():
    rng = XorShift64(0xA0761D6478BD642F)
    sol = Solution()
    # 1) A hub: JFK has round trips to 2500 spokes, and one more ticket to AAA, the smallest code,
    #    which starts a one-way chain of 4999 tickets that never comes back. The smallest-first
    #    choice at JFK is always AAA, but it must be taken last: a backtracking search walks the
    #    whole chain and undoes it on every one of its 2500 visits to JFK.
    pool = [code(i) for i in range(1, 17_576) if code(i) != "JFK"]
    rng.shuffle(pool)
    spokes, chain = pool[:2500], pool[2500:2500 + 4999]
    tickets = []
    for s in spokes:
        tickets += [["JFK", s], [s, "JFK"]]
    path = ["JFK", "AAA"] + chain
    tickets += [[path[i], path[i + 1]] for i in range(len(path) - 1)]
    rng.shuffle(tickets)
    assert len(tickets) == E
    emit({"tickets": tickets}, sol.findItinerary([list(t) for t in tickets]))
    # 2) a random walk of 10^4 tickets over 300 airports: many repeated routes.
    airports = ["JFK"] + pool[:299]
    tickets = walk_tickets(rng, airports, E)
    emit({"tickets": tickets}, sol.findItinerary([list(t) for t in tickets]))


if __name__ == "__main__":
    main()
