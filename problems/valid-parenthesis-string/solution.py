class Solution:
    def checkValidString(self, s: str) -> bool:
        # low / high: fewest and most brackets that can be open after the prefix read so far.
        low = high = 0
        for ch in s:
            if ch == "(":
                low += 1
                high += 1
            elif ch == ")":
                low -= 1
                high -= 1
            else:  # '*' may close one, open one, or do nothing
                low -= 1
                high += 1
            if high < 0:
                return False  # too many ')' even if every '*' opens
            if low < 0:
                low = 0  # a reading that would go negative is not allowed; drop it
        return low == 0
