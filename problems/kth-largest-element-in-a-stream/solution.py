import heapq
from typing import List


class KthLargest:
    def __init__(self, k: int, nums: List[int]):
        self.k = k
        # A min-heap of the k largest scores seen so far; its top is the k-th largest.
        self.heap = list(nums)
        heapq.heapify(self.heap)
        while len(self.heap) > k:
            heapq.heappop(self.heap)

    def add(self, val: int) -> int:
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, val)
        elif val > self.heap[0]:
            # val enters the top k and the old k-th largest drops out.
            heapq.heapreplace(self.heap, val)
        return self.heap[0]
