from typing import List


class Solution:
    def minCostClimbingStairs(self, cost: List[int]) -> int:
        # best(p): cheapest total paid to arrive at position p (p == len(cost) is the top).
        two_back, one_back = 0, 0  # best(0) and best(1): starting there is free
        for p in range(2, len(cost) + 1):
            here = min(one_back + cost[p - 1], two_back + cost[p - 2])
            two_back, one_back = one_back, here
        return one_back
