from typing import List


class Solution:
    def generateParenthesis(self, n: int) -> List[str]:
        result = []
        stack = []  # the brackets written so far

        def backtrack(opened, closed):
            if closed == n:  # n pairs written, all of them closed
                result.append("".join(stack))
                return
            if opened < n:  # an opening bracket is still available
                stack.append("(")
                backtrack(opened + 1, closed)
                stack.pop()
            if closed < opened:  # some bracket is still open and may be closed
                stack.append(")")
                backtrack(opened, closed + 1)
                stack.pop()

        backtrack(0, 0)
        return result
