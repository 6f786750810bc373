from typing import Optional


# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def isSameTree(self, p: Optional[TreeNode], q: Optional[TreeNode]) -> bool:
        if p is None and q is None:
            return True  # two empty subtrees match
        if p is None or q is None or p.val != q.val:
            return False  # one side is missing, or the values differ
        return self.isSameTree(p.left, q.left) and self.isSameTree(p.right, q.right)
