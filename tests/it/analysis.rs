//! Analysis accuracy corpus tests (issue #3).
