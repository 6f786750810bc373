class Solution:
    def reverse(self, x: int) -> int:
        INT_MAX = 2**31 - 1
        sign = -1 if x < 0 else 1
        # The magnitude a result of this sign may reach: 2^31 - 1 up, 2^31 down.
        limit = INT_MAX if sign > 0 else INT_MAX + 1
        x = abs(x)
        result = 0
        while x > 0:
            x, digit = divmod(x, 10)  # pop the last digit
            # Appending would give result * 10 + digit; refuse before it passes the limit.
            if result > (limit - digit) // 10:
                return 0
            result = result * 10 + digit  # push it onto the result
        return sign * result
