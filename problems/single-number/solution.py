from typing import List


class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        # x ^ x == 0 and x ^ 0 == x, and XOR does not care about order:
        # every value that appears twice cancels itself out, leaving the lone one.
        acc = 0
        for x in nums:
            acc ^= x
        return acc
