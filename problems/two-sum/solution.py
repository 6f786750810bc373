from typing import List


class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}  # value -> index where it was seen
        for i, v in enumerate(nums):
            j = seen.get(target - v)
            if j is not None:
                return [j, i]
            seen[v] = i
        return []
