from typing import List


class Solution:
    def canPartition(self, nums: List[int]) -> bool:
        total = sum(nums)
        if total % 2 == 1:
            return False  # two equal integer halves need an even total
        half = total // 2
        can = [False] * (half + 1)  # can[t]: some of the elements seen so far sum to t
        can[0] = True  # the empty group
        for x in nums:
            # Go downwards so that can[t - x] still describes the elements before x:
            # each element is used at most once.
            for t in range(half, x - 1, -1):
                if can[t - x]:
                    can[t] = True
            if can[half]:
                return True
        return can[half]
