from typing import List


class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        # Track the cheapest price seen so far; selling today earns
        # today's price minus that minimum.
        lowest = prices[0]
        best = 0
        for price in prices:
            if price < lowest:
                lowest = price
            elif price - lowest > best:
                best = price - lowest
        return best
