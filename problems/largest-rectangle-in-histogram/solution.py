from typing import List


class Solution:
    def largestRectangleArea(self, heights: List[int]) -> int:
        n = len(heights)
        best = 0
        stack = []  # indices of bars with increasing heights, still able to stretch right
        for i in range(n + 1):
            h = heights[i] if i < n else 0  # a final bar of height 0 flushes the stack
            while stack and heights[stack[-1]] >= h:
                top = stack.pop()
                # bar `top` stretches right up to i - 1 and left to just after the new top
                left = stack[-1] if stack else -1
                best = max(best, heights[top] * (i - left - 1))
            stack.append(i)
        return best
