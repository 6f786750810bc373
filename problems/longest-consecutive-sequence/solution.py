from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        present = set(nums)
        best = 0
        for v in present:
            if v - 1 in present:
                continue  # v is not the first value of its run
            end = v + 1
            while end in present:
                end += 1
            if end - v > best:
                best = end - v
        return best
