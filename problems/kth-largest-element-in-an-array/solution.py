import heapq
from typing import List


class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        # Min-heap of the k largest values seen so far; its root is the smallest of them,
        # which is the k-th largest once every value has been offered.
        heap = nums[:k]
        heapq.heapify(heap)
        for v in nums[k:]:
            if v > heap[0]:
                heapq.heapreplace(heap, v)  # pop the root and push v in one step
        return heap[0]
