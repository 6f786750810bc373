from typing import List


class Solution:
    def evalRPN(self, tokens: List[str]) -> int:
        stack = []  # values still waiting for an operator
        for tok in tokens:
            if tok in ("+", "-", "*", "/"):
                if len(stack) < 2:  # cannot happen on a well-formed expression
                    raise ValueError("operator without two operands")
                right = stack.pop()  # the newer value is the right operand
                left = stack.pop()
                if tok == "+":
                    stack.append(left + right)
                elif tok == "-":
                    stack.append(left - right)
                elif tok == "*":
                    stack.append(left * right)
                else:
                    # divide the sizes, then give the quotient its sign: truncation toward zero
                    q = abs(left) // abs(right)
                    if (left < 0) != (right < 0):
                        q = -q
                    stack.append(q)
            else:
                stack.append(int(tok))
        return stack[-1]
