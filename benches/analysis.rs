//! Analysis benchmark (issue #3): placeholder until the analyser lands.
fn main() {}
