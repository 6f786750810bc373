from bisect import bisect_left
from typing import List


class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        # tails[k] = smallest value that ends some strictly increasing subsequence of length k + 1.
        # tails stays sorted, so each number finds its place by binary search.
        tails = []
        for x in nums:
            i = bisect_left(tails, x)  # first tail >= x (an equal value cannot extend it)
            if i == len(tails):
                tails.append(x)  # x extends the longest subsequence found so far
            else:
                tails[i] = x  # x is a smaller ending for length i + 1
        return len(tails)
