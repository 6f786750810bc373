//! Editor benchmark (issue #4): placeholder until the editor lands.
fn main() {}
