from typing import List


class Solution:
    def findCheapestPrice(self, n: int, flights: List[List[int]], src: int, dst: int, k: int) -> int:
        # Bellman-Ford limited to k + 1 rounds: after round r, cost[v] is the cheapest
        # price to reach v using at most r flights.
        INF = float("inf")
        cost = [INF] * n
        cost[src] = 0
        for _ in range(k + 1):
            # build the next round from this one, so a round adds at most one flight
            nxt = [c for c in cost]
            for u, v, price in flights:
                if cost[u] + price < nxt[v]:
                    nxt[v] = cost[u] + price
            cost = nxt
        return -1 if cost[dst] == INF else cost[dst]
