//! Static and dynamic analysis of Python solutions (issue #3). Pure logic: no I/O.
