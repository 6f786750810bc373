from typing import List


class Solution:
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = []
        order = []
        used = [False] * len(nums)

        def extend() -> None:
            # Every value placed: order is one complete arrangement.
            if len(order) == len(nums):
                result.append(order[:])
                return
            # Try each value that is not placed yet in the next position.
            for i in range(len(nums)):
                if used[i]:
                    continue
                used[i] = True
                order.append(nums[i])
                extend()
                order.pop()
                used[i] = False

        extend()
        return result
