from typing import List


class Solution:
    def twoSum(self, numbers: List[int], target: int) -> List[int]:
        lo, hi = 0, len(numbers) - 1
        while lo < hi:
            total = numbers[lo] + numbers[hi]
            if total == target:
                return [lo + 1, hi + 1]  # positions are counted from 1
            if total < target:
                lo += 1  # numbers[lo] is too small even with the largest partner left
            else:
                hi -= 1  # numbers[hi] is too large even with the smallest partner left
        return []  # not reached: exactly one pair exists
