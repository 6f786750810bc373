class Solution:
    def getSum(self, a: int, b: int) -> int:
        # Work on 32-bit two's-complement patterns, as a machine would: Python's integers
        # have no fixed width, so without a mask a negative carry would never run out.
        MASK = 0xFFFFFFFF
        a &= MASK
        b &= MASK
        while b:
            # XOR adds each column without carrying; AND finds the columns that carry,
            # and the carry belongs one column to the left.
            carry = ((a & b) << 1) & MASK
            a ^= b
            b = carry
        # A pattern with the sign bit set stands for a negative number: turn it back
        # into Python's negative integer.
        if a >> 31:
            a = ~(a ^ MASK)
        return a
