from collections import deque
from typing import List


class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        # The deque holds indices whose values strictly decrease from front to back;
        # the front is always the maximum of the current window.
        window = deque()
        result = []
        for i, value in enumerate(nums):
            # Smaller-or-equal values behind the newcomer can never be a maximum again.
            while window and nums[window[-1]] <= value:
                window.pop()
            window.append(i)
            # Drop the front once it has slid out of the window [i - k + 1, i].
            if window[0] <= i - k:
                window.popleft()
            if i >= k - 1:
                result.append(nums[window[0]])
        return result
