from typing import List


class Solution:
    def mergeTriplets(self, triplets: List[List[int]], target: List[int]) -> bool:
        x, y, z = target
        # Coordinate-wise maximum of every triplet that never overshoots the target.
        best_a = best_b = best_c = 0
        for a, b, c in triplets:
            if a > x or b > y or c > z:
                continue  # merging this one would push some value past the target forever
            best_a = max(best_a, a)
            best_b = max(best_b, b)
            best_c = max(best_c, c)
        return best_a == x and best_b == y and best_c == z
