import heapq
from typing import List


class Solution:
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        # Max-heap (by negated squared distance) holding the k closest points seen so far.
        # The root is the farthest of those k, the first one to drop out.
        heap = []
        for x, y in points:
            d = x * x + y * y  # squared distance: same order as the real distance, no sqrt
            if len(heap) < k:
                heapq.heappush(heap, (-d, x, y))
            elif d < -heap[0][0]:
                heapq.heapreplace(heap, (-d, x, y))
        return [[x, y] for _, x, y in heap]
