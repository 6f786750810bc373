from typing import List


class Solution:
    def subsetsWithDup(self, nums: List[int]) -> List[List[int]]:
        values = sorted(nums)  # equal values become neighbours
        result = []
        chosen = []

        def build(start: int) -> None:
            # chosen is a distinct subset; record it, then try to extend it with one more value.
            result.append(chosen[:])
            for i in range(start, len(values)):
                # At this position, a value equal to the one just tried would rebuild the same subsets.
                if i > start and values[i] == values[i - 1]:
                    continue
                chosen.append(values[i])
                build(i + 1)
                chosen.pop()

        build(0)
        return result
