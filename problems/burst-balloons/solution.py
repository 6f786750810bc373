from typing import List


class Solution:
    def maxCoins(self, nums: List[int]) -> int:
        vals = [1] + nums + [1]  # the two imaginary balloons of value 1 at the ends
        n = len(vals)
        # best[l][r] = most coins from bursting every balloon strictly between l and r,
        # while balloons l and r are still standing
        best = [[0] * n for _ in range(n)]
        for gap in range(2, n):
            for l in range(0, n - gap):
                r = l + gap
                edge = vals[l] * vals[r]
                top = 0
                # k is the balloon burst LAST between l and r: its neighbours are then l and r
                for k in range(l + 1, r):
                    coins = best[l][k] + best[k][r] + edge * vals[k]
                    if coins > top:
                        top = coins
                best[l][r] = top
        return best[0][n - 1]
