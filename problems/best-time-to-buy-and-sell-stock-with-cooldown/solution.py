from typing import List


class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        # Best profit so far when, at the end of the current day, we
        #   hold  - own one share,
        #   sold  - sold a share today (so tomorrow is a cooldown day),
        #   rest  - own nothing and may buy tomorrow.
        hold = -prices[0]  # buy on day 0
        sold = 0
        rest = 0
        for day in range(1, len(prices)):
            price = prices[day]
            new_hold = max(hold, rest - price)  # keep the share, or buy today (not right after a sale)
            new_sold = hold + price  # sell the share held until yesterday
            new_rest = max(rest, sold)  # do nothing; yesterday's sale's cooldown ends today
            hold, sold, rest = new_hold, new_sold, new_rest
        return max(sold, rest)
