"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100


def random_flights(rng, n, m, plo, phi):
    """m distinct directed flights u != v on cities 0..n-1."""
    seen = set()
    flights = []
    while len(flights) < m:
        u, v = rng.below(n), rng.below(n)
        if u != v and (u, v) not in seen:
            seen.add((u, v))
            flights.append([u, v, rng.randint(plo, phi)])
    return flights


def main():
    rng = XorShift64(0xBF58476D1CE4E5B9)
    top = N * (N - 1) // 2
    # Dense random flights, k = n - 1: trying every route from src (a DFS over paths of up to
    # n flights) explodes, while k + 1 rounds over all flights is 100 * 4950 relaxations.
    flights = random_flights(rng, N, top, 1, 10**4)
    emit({"n": N, "flights": flights, "src": 0, "dst": N - 1, "k": N - 1},
         Solution().findCheapestPrice(N, [f[:] for f in flights], 0, N - 1, N - 1))
    # A cheap long chain 0 -> 1 -> ... -> 99 (price 1 each) beside expensive random flights,
    # with k = 98: the chain itself is allowed, so the cheapest route uses exactly k + 1 flights.
    chain = [[i, i + 1, 1] for i in range(N - 1)]
    seen = {(u, v) for u, v, _ in chain}
    extra = [f for f in random_flights(rng, N, top, 5000, 10**4) if (f[0], f[1]) not in seen]
    flights = (chain + extra)[:top]
    rng.shuffle(flights)
    emit({"n": N, "flights": flights, "src": 0, "dst": N - 1, "k": N - 2},
         Solution().findCheapestPrice(N, [f[:] for f in flights], 0, N - 1, N - 2))


def small(rng):
    """2 to 5 cities, a few distinct flights with prices 1..4 (equal prices common)."""
    n = rng.randint(2, 5)
    m = rng.randint(0, min(n * (n - 1) // 2, 8))
    src = rng.below(n)
    dst = rng.below(n - 1)
    if dst >= src:
        dst += 1  # src != dst
    return {"n": n, "flights": random_flights(rng, n, m, 1, 4), "src": src, "dst": dst,
            "k": rng.randint(0, n - 1)}


if __name__ == "__main__":
    main()
