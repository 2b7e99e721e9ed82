//! Profiling helper: segments the shared corpus many times.
fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let what = std::env::args().nth(1).unwrap_or_default();
    let mut n = 0;
    for _ in 0..50 {
        if what == "normalize" {
            n += akson::canonical(&text).len();
        } else {
            n += akson::syllables(&text).count();
        }
    }
    println!("{n}");
}
