from typing import List


class Solution:
    def change(self, amount: int, coins: List[int]) -> int:
        # ways[a]: number of combinations of the coins handled so far that pay exactly a.
        ways = [0] * (amount + 1)
        ways[0] = 1  # paying nothing: the empty combination
        # Coins in the outer loop: every combination is built coin value by coin value,
        # so each one is counted once, whatever the order its coins could be laid down in.
        for coin in coins:
            # Upwards, so ways[a - coin] already counts combinations using this coin again.
            for a in range(coin, amount + 1):
                ways[a] += ways[a - coin]
        return ways[amount]
