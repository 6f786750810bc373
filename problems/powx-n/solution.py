class Solution:
    def myPow(self, x: float, n: int) -> float:
        # Binary exponentiation: x^n is the product of x^(2^k) over the bits k set in |n|.
        negative = n < 0
        n = abs(n)
        result = 1.0
        power = x  # x^(2^k) for the bit k being looked at
        while n > 0:
            if n & 1:
                result *= power
            power *= power
            n >>= 1
        # x^(-n) = 1 / x^n (x != 0 whenever n < 0).
        return 1.0 / result if negative else result
