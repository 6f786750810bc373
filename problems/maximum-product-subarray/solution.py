from typing import List


class Solution:
    def maxProduct(self, nums: List[int]) -> int:
        # Keep both the largest and the smallest product of a subarray ending
        # at the current index: a negative number swaps their roles.
        best = hi = lo = nums[0]
        for x in nums[1:]:
            if x < 0:
                hi, lo = lo, hi
            hi = max(x, hi * x)
            lo = min(x, lo * x)
            if hi > best:
                best = hi
        return best
