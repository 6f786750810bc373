from typing import List


class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        # Kadane: the best sum of a subarray ending here either extends the
        # best one ending at the previous index or starts fresh.
        best = current = nums[0]
        for x in nums[1:]:
            current = x if current < 0 else current + x
            if current > best:
                best = current
        return best
