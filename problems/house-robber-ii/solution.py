from typing import List


class Solution:
    def rob(self, nums: List[int]) -> int:
        if len(nums) == 1:
            return nums[0]  # no neighbour at all
        # First and last are neighbours, so one of them stays untouched:
        # solve the straight row without the last house and the one without the first.
        return max(self.rob_row(nums, 0, len(nums) - 1), self.rob_row(nums, 1, len(nums)))

    def rob_row(self, nums: List[int], start: int, stop: int) -> int:
        # Straight-row house robber over nums[start:stop].
        two_back, one_back = 0, 0
        for i in range(start, stop):
            two_back, one_back = one_back, max(one_back, two_back + nums[i])
        return one_back
