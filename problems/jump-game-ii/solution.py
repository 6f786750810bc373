from typing import List


class Solution:
    def jump(self, nums: List[int]) -> int:
        # Breadth-first by layers, without a queue: indices reachable with `jumps` jumps form the
        # window ending at `end`; while scanning it we record how far one more jump could go.
        jumps = 0
        end = 0
        farthest = 0
        for i in range(len(nums) - 1):  # standing on the last index needs no further jump
            farthest = max(farthest, i + nums[i])
            if i == end:  # the current layer is exhausted: one more jump is unavoidable
                jumps += 1
                end = farthest
        return jumps
