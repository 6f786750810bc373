from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        values = sorted(candidates)  # a sorted copy lets the search stop early (and leaves the input alone)
        result = []
        combo = []

        def search(start: int, remaining: int) -> None:
            if remaining == 0:
                result.append(combo[:])
                return
            # Only values from position start on: each combination is built in non-decreasing order,
            # so it is produced exactly once.
            for i in range(start, len(values)):
                value = values[i]
                if value > remaining:
                    break  # sorted, so every later value is too large as well
                combo.append(value)
                search(i, remaining - value)  # i, not i + 1: the same value may be used again
                combo.pop()

        search(0, target)
        return result
