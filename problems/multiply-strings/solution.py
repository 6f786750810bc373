class Solution:
    def multiply(self, num1: str, num2: str) -> str:
        # Grade-school multiplication: the digit at position i of num1 times the digit at
        # position j of num2 lands in slot i + j + 1 of the product (slot 0 is the top digit).
        m, n = len(num1), len(num2)
        slots = [0] * (m + n)
        for i in range(m - 1, -1, -1):
            a = ord(num1[i]) - ord("0")
            for j in range(n - 1, -1, -1):
                b = ord(num2[j]) - ord("0")
                total = slots[i + j + 1] + a * b
                slots[i + j + 1] = total % 10
                slots[i + j] += total // 10  # carry into the slot one place higher
        # Skip leading zeros, but keep one digit so that a zero product reads "0".
        start = 0
        while start < len(slots) - 1 and slots[start] == 0:
            start += 1
        return "".join(str(d) for d in slots[start:])
