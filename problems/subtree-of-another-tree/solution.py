# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
from typing import Optional


class Solution:
    def isSubtree(self, root: Optional[TreeNode], subRoot: Optional[TreeNode]) -> bool:
        # Try every node of `root` as the top of a copy of `subRoot` (preorder, explicit stack).
        stack = [root]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            if node.val == subRoot.val and self.sameTree(node, subRoot):
                return True
            stack.append(node.right)
            stack.append(node.left)
        return False

    def sameTree(self, a: Optional[TreeNode], b: Optional[TreeNode]) -> bool:
        # Two trees are equal when both are empty, or both roots hold the same value
        # and the left subtrees are equal and the right subtrees are equal.
        if a is None or b is None:
            return a is b
        return a.val == b.val and self.sameTree(a.left, b.left) and self.sameTree(a.right, b.right)
