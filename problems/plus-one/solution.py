from typing import List


class Solution:
    def plusOne(self, digits: List[int]) -> List[int]:
        # Add from the least significant end, carrying while the digit is a 9.
        for i in range(len(digits) - 1, -1, -1):
            if digits[i] < 9:
                digits[i] += 1  # absorbs the carry: nothing further left changes
                return digits
            digits[i] = 0  # 9 + 1 = 10: write 0, carry 1 to the left
        # Every digit was 9 (they are all 0 now): one new leading 1.
        return [1] + digits
