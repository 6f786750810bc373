class Solution:
    def isHappy(self, n: int) -> bool:
        def step(v: int) -> int:
            # Sum of the squares of v's decimal digits.
            total = 0
            while v > 0:
                v, digit = divmod(v, 10)
                total += digit * digit
            return total

        # Floyd's cycle detection: fast moves two steps for every step of slow.
        # Either fast reaches 1, or the two meet inside a loop that does not contain 1.
        slow, fast = n, step(n)
        while fast != 1 and slow != fast:
            slow = step(slow)
            fast = step(step(fast))
        return fast == 1
