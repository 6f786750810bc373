from typing import Optional


# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        if root is None:
            return 0  # an empty tree has no levels
        # This node adds one level on top of its deeper subtree.
        return 1 + max(self.maxDepth(root.left), self.maxDepth(root.right))
