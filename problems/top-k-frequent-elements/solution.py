from typing import Dict, List


class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts: Dict[int, int] = {}
        for v in nums:
            counts[v] = counts.get(v, 0) + 1
        # buckets[c] holds the values that occur exactly c times
        buckets: List[List[int]] = [[] for _ in range(len(nums) + 1)]
        for v, c in counts.items():
            buckets[c].append(v)
        result: List[int] = []
        for c in range(len(nums), 0, -1):
            for v in buckets[c]:
                result.append(v)
                if len(result) == k:
                    return result
        return result
