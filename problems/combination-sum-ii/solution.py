from typing import List


class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        values = sorted(candidates)  # equal values become neighbours, and the search can stop early
        result = []
        combo = []

        def search(start: int, remaining: int) -> None:
            if remaining == 0:
                result.append(combo[:])
                return
            for i in range(start, len(values)):
                value = values[i]
                if value > remaining:
                    break  # sorted, so every later value is too large as well
                # The same value in the same position of the combination gives the same combinations.
                if i > start and value == values[i - 1]:
                    continue
                combo.append(value)
                search(i + 1, remaining - value)  # each position is used at most once
                combo.pop()

        search(0, target)
        return result
