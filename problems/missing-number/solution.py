from typing import List


class Solution:
    def missingNumber(self, nums: List[int]) -> int:
        # XOR every value with every number 0..n; the pairs cancel and only the absent value remains.
        n = len(nums)
        acc = n
        for i, v in enumerate(nums):
            acc ^= i ^ v
        return acc
