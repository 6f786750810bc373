//! The modal (vim) editor: a key-by-key state machine over tui-textarea.
