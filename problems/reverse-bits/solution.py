class Solution:
    def reverseBits(self, n: int) -> int:
        # Take the 32 bits of n from the lowest up and push each onto the low end of the
        # result, so the first bit taken ends up as the highest.
        result = 0
        for _ in range(32):
            result = (result << 1) | (n & 1)
            n >>= 1
        return result
