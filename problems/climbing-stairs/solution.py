class Solution:
    def climbStairs(self, n: int) -> int:
        # ways(k) = ways(k - 1) + ways(k - 2): the last move was a 1-step or a 2-step.
        before, here = 1, 1  # ways(0) and ways(1)
        for _ in range(n - 1):
            before, here = here, before + here
        return here
