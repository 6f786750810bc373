from typing import Optional


# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if root is None:
            return None
        # Mirror both subtrees, then hang each on the opposite side.
        mirrored_left = self.invertTree(root.left)
        mirrored_right = self.invertTree(root.right)
        root.left, root.right = mirrored_right, mirrored_left
        return root
