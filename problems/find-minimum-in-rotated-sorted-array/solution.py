from typing import List


class Solution:
    def findMin(self, nums: List[int]) -> int:
        lo, hi = 0, len(nums) - 1
        # Invariant: the minimum lies in nums[lo..hi].
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] > nums[hi]:
                # The drop happens somewhere right of mid.
                lo = mid + 1
            else:
                # nums[mid..hi] is increasing, so the minimum is at mid or left of it.
                hi = mid
        return nums[lo]
