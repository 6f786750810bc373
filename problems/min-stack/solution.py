class MinStack:
    def __init__(self):
        # Every entry keeps its value together with the minimum of the stack from the bottom up to
        # and including that entry, so the current minimum is always stored at the top.
        self.stack = []

    def push(self, val: int) -> None:
        if self.stack:
            smallest = min(val, self.stack[-1][1])
        else:
            smallest = val
        self.stack.append((val, smallest))

    def pop(self) -> None:
        # The entries below never depended on the one removed, so their minimums stay correct.
        self.stack.pop()

    def top(self) -> int:
        return self.stack[-1][0]

    def getMin(self) -> int:
        return self.stack[-1][1]
