from typing import List


class Solution:
    def findTargetSumWays(self, nums: List[int], target: int) -> int:
        total = sum(nums)
        # The elements signed '+' sum to P and the others to total - P, so
        # P - (total - P) = target, i.e. P = (total + target) / 2.
        if abs(target) > total or (total + target) % 2 == 1:
            return 0
        goal = (total + target) // 2
        # ways[t]: number of subsets of the elements seen so far whose sum is t.
        ways = [0] * (goal + 1)
        ways[0] = 1  # the empty subset
        for x in nums:
            # Downwards, so ways[t - x] does not already include x (each element used once).
            # For x = 0 this doubles every count: +0 and -0 are two assignments.
            for t in range(goal, x - 1, -1):
                ways[t] += ways[t - x]
        return ways[goal]
