from typing import Optional


# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def isBalanced(self, root: Optional[TreeNode]) -> bool:
        UNBALANCED = -1

        def height(node: Optional[TreeNode]) -> int:
            """Height of node's subtree, or UNBALANCED if some node in it is out of balance."""
            if node is None:
                return 0
            left = height(node.left)
            if left == UNBALANCED:
                return UNBALANCED  # no need to look at the other side
            right = height(node.right)
            if right == UNBALANCED or abs(left - right) > 1:
                return UNBALANCED
            return 1 + max(left, right)

        return height(root) != UNBALANCED
