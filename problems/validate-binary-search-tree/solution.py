# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
from math import inf
from typing import Optional


class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        # Each node must lie strictly inside the open interval (low, high) set by its ancestors.
        # The infinities mean "no bound yet": no real value can equal them, unlike -2^31 or 2^31 - 1,
        # which are legal node values here.
        stack = [(root, -inf, inf)]
        while stack:
            node, low, high = stack.pop()
            if node is None:
                continue
            if not low < node.val < high:
                return False
            stack.append((node.left, low, node.val))  # left subtree: below this value
            stack.append((node.right, node.val, high))  # right subtree: above this value
        return True
