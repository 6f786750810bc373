import heapq
from collections import defaultdict
from typing import List


class Solution:
    def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
        # Dijkstra from k with a binary heap: O((V + E) log V).
        graph = defaultdict(list)
        for u, v, w in times:
            graph[u].append((v, w))

        dist = {}  # final arrival time of each settled node
        heap = [(0, k)]
        while heap:
            d, u = heapq.heappop(heap)
            if u in dist:
                continue  # a stale entry: u was settled earlier with a smaller time
            dist[u] = d
            for v, w in graph[u]:
                if v not in dist:
                    heapq.heappush(heap, (d + w, v))

        # the last node to hear the signal decides; -1 if some node never hears it
        if len(dist) < n:
            return -1
        return max(dist.values())
