//! Segments standard input into words with the embedded dictionary (`|` between tokens).
use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        println!("{}", akson::words(&line).collect::<Vec<_>>().join("|"));
    }
}
