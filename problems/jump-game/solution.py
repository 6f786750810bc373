from typing import List


class Solution:
    def canJump(self, nums: List[int]) -> bool:
        # Greedy: track the farthest index reachable so far.
        farthest = 0
        last = len(nums) - 1
        for i, step in enumerate(nums):
            if i > farthest:
                return False
            if i + step > farthest:
                farthest = i + step
                if farthest >= last:
                    return True
        return True
