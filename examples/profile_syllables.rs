//! Profiling helper: runs one task many times over the shared corpus, for
//! `valgrind --tool=callgrind` or `perf`, and prints the token count and MB/s.
//!
//! `cargo run --release --example profile_syllables -- [syllables|words|words-small|normalize|cold|load] [REPEATS]`
//!
//! `load` decodes the embedded dictionary and builds its lookup tables REPEATS
//! times (what a process's first `words` call does) and prints the time of one.
//!
//! `words-small` segments with a dictionary of the embedded one's 2,000 cheapest
//! words only (lookup tables that fit the caches), to tell memory latency from
//! the work itself.
fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let what = std::env::args().nth(1).unwrap_or_default();
    let repeats: usize = std::env::args()
        .nth(2)
        .map_or(50, |r| r.parse().expect("REPEATS must be a number"));
    if what == "load" {
        // Decoding the embedded dictionary and building its lookup tables, as the
        // first `words` call of a process does.
        let bytes = include_bytes!("../dictionaries/akson-lo.fst");
        let start = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..repeats {
            let d = akson::Dictionary::from_fst_bytes(bytes).expect("the embedded dictionary");
            n += d.words("ການ").count();
        }
        let ms = start.elapsed().as_secs_f64() * 1e3 / repeats as f64;
        println!("{n} tokens, {ms:.1} ms per load");
        return;
    }
    let small = (what == "words-small").then(|| {
        let mut entries = akson::Dictionary::embedded().entries();
        entries.sort_by_key(|e| e.1);
        let mut d = akson::Dictionary::empty();
        for (w, cost) in entries.iter().take(2_000) {
            d.add_with_count(w, 1e6 * (-(*cost as f64) / 1000.0).exp())
                .unwrap();
        }
        d
    });
    let dict = small.as_ref().unwrap_or(akson::Dictionary::embedded());
    dict.words("ການ").count(); // build the lookup tables before timing
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..repeats {
        n += match what.as_str() {
            "normalize" => akson::canonical(&text).len(),
            "words" | "words-small" => dict.words(&text).count(),
            "cold" => {
                akson::syllable::clear_memo();
                akson::syllables(&text).count()
            }
            _ => akson::syllables(&text).count(),
        };
    }
    let mbs = (repeats * text.len()) as f64 / start.elapsed().as_secs_f64() / 1e6;
    println!("{n} tokens, {mbs:.0} MB/s");
}
