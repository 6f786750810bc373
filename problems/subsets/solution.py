from typing import List


class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        result = []
        chosen = []

        def build(i: int) -> None:
            # Every value before position i has been decided: chosen is one finished subset.
            if i == len(nums):
                result.append(chosen[:])
                return
            # Branch 1: take nums[i].
            chosen.append(nums[i])
            build(i + 1)
            chosen.pop()
            # Branch 2: leave nums[i] out.
            build(i + 1)

        build(0)
        return result
