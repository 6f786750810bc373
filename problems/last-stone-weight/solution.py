import heapq
from typing import List


class Solution:
    def lastStoneWeight(self, stones: List[int]) -> int:
        # heapq is a min-heap: store negated weights so the heaviest stone is on top.
        heap = [-w for w in stones]
        heapq.heapify(heap)
        while len(heap) > 1:
            y = -heapq.heappop(heap)  # heaviest
            x = -heapq.heappop(heap)  # second heaviest, x <= y
            if x != y:
                heapq.heappush(heap, -(y - x))
        return -heap[0] if heap else 0
