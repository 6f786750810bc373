class Solution:
    def isValid(self, s: str) -> bool:
        opener = {")": "(", "]": "[", "}": "{"}
        stack = []
        for ch in s:
            if ch in opener:
                if not stack or stack[-1] != opener[ch]:
                    return False
                stack.pop()
            else:
                stack.append(ch)
        return not stack
