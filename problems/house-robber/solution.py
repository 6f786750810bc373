from typing import List


class Solution:
    def rob(self, nums: List[int]) -> int:
        # best(i) = max(best(i - 1), best(i - 2) + nums[i - 1]): skip or rob house i - 1.
        two_back, one_back = 0, 0  # best of the houses before the previous one, and before this one
        for money in nums:
            two_back, one_back = one_back, max(one_back, two_back + money)
        return one_back
