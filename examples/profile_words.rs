//! Profiling helper: segments the shared corpus into words many times.
fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let d = akson::Dictionary::embedded();
    let mut n = 0;
    for _ in 0..100 {
        n += d.words(&text).count();
    }
    println!("{n}");
}
