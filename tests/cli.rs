//! The `akson` command-line contract: streaming line by line, separators that round
//! trip, clear errors with exit statuses.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn akson(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_akson"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run akson");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn normalize_forms() {
    let o = akson(&["normalize"], "ນໍ້າ ດໍາລັດ\nຫນ້າທ່ີ\n".as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o), "ນ້ຳ ດຳລັດ\nໜ້າທີ່\n");
    let o = akson(
        &["normalize", "--form", "search"],
        "ຫລາຍ\u{A0}໒໐໑໘".as_bytes(),
    );
    assert_eq!(stdout(&o), "ຫຼາຍ 2018", "no newline in, none out");
    let o = akson(&["normalize", "--form=search"], b"a\tb\r\n");
    assert_eq!(stdout(&o), "a b\r\n", "CRLF kept");
}

#[test]
fn segment_round_trips() {
    let input = "ວັດທະນະຖາວອນ ປີ 2018\nກະຊວງໄປສະນີ, ໂທລະຄົມມະນາຄົມ\r\n\nEnglish only\n";
    for unit in ["syllable", "word"] {
        for sep in ["|", " / ", "ລ"] {
            let o = akson(&["segment", "--unit", unit, "--sep", sep], input.as_bytes());
            assert!(o.status.success(), "{unit} {sep}");
            let out = stdout(&o);
            assert_eq!(out.lines().count(), input.lines().count());
            if sep != "ລ" {
                assert_eq!(out.replace(sep, ""), input, "{unit} {sep:?}");
            }
        }
    }
    let o = akson(&["segment"], "ວັດທະນະຖາວອນ\n".as_bytes());
    assert_eq!(stdout(&o), "ວັດ|ທະ|ນະ|ຖາ|ວອນ\n");
    let o = akson(&["segment", "--unit", "word"], "ກະຊວງໄປສະນີ\n".as_bytes());
    assert_eq!(stdout(&o), "ກະຊວງ|ໄປສະນີ\n");
}

#[test]
fn variants_get_the_same_word_boundaries() {
    let a = stdout(&akson(
        &["segment", "--unit", "word"],
        "ດໍາລັດຂອງນາຍົກ\n".as_bytes(),
    ));
    let b = stdout(&akson(
        &["segment", "--unit", "word"],
        "ດຳລັດຂອງນາຍົກ\n".as_bytes(),
    ));
    assert_eq!(a.matches('|').count(), b.matches('|').count());
    assert_eq!(a.replace("ໍາ", "ຳ"), b);
}

#[test]
fn invalid_utf8_is_reported_with_line_and_offset() {
    let o = akson(&["normalize"], b"ok line\nbad \xff here\nnever\n");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 2") && err.contains("byte offset 4"),
        "{err}"
    );
    assert_eq!(
        stdout(&o),
        "ok line\n",
        "lines before the error are written, nothing after"
    );
}

// (/dev/full, a device every write to fails on, is Linux's.)
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_reported_beside_an_input_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    let mut child = Command::new(env!("CARGO_BIN_EXE_akson"))
        .args(["segment", "--unit", "word"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .expect("run akson");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\xe0\xba\x81\n\xff\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert!(err.contains("cannot write to standard output"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn help_and_version_that_cannot_be_written_are_errors_not_panics() {
    let open = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    for args in [&["--help"][..], &["--version"], &["segment", "--help"]] {
        let o = Command::new(env!("CARGO_BIN_EXE_akson"))
            .args(args)
            .stdout(open().unwrap())
            .output()
            .expect("run akson");
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with("akson: cannot write to standard output"),
            "{err}"
        );
    }
    // With standard error full as well, the status alone says it.
    for (args, status) in [(&["--help"][..], 1), (&[], 2), (&["bogus"], 2)] {
        let o = Command::new(env!("CARGO_BIN_EXE_akson"))
            .args(args)
            .stdout(open().unwrap())
            .stderr(open().unwrap())
            .output()
            .expect("run akson");
        assert_eq!(o.status.code(), Some(status), "{args:?}");
    }
}

#[test]
fn usage_errors_and_help() {
    for args in [
        &["--help"][..],
        &["normalize", "--help"],
        &["segment", "-h"],
    ] {
        let o = akson(args, b"");
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage"), "{args:?}");
    }
    for args in [
        &["frobnicate"][..],
        &["normalize", "--form", "nfd"],
        &["segment", "--unit", "letter"],
        &["segment", "--dict", "x"],
        &["segment", "--no-default-dict"],
        &["segment", "--sep"],
        // A separator with a line break would make more output lines than input.
        &["segment", "--sep", "\n"],
        &["segment", "--sep=|\r\n"],
        // No command at all: the help, on standard error.
        &[],
        // An empty file name (`--dict=` by mistake).
        &["segment", "--unit", "word", "--dict="],
        &["correct", "--model="],
    ] {
        let o = akson(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty());
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // A model file with no model in it would correct nothing, silently.
    let empty = std::env::temp_dir().join(format!("akson-cli-empty-model-{}", std::process::id()));
    std::fs::write(&empty, "# nothing yet\n\n").unwrap();
    let o = akson(
        &["correct", "--model", empty.to_str().unwrap()],
        "ກາ\n".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no model lines"));
    let o = akson(&["normalize", "/no/such/file"], b"");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn user_dictionaries() {
    let dir = std::env::temp_dir().join(format!("akson-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Segments `text` with the word list `list`, written to `dir/name`.
    let seg = |name: &str, list: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, list).unwrap();
        let args = [
            "segment",
            "--unit",
            "word",
            "--dict",
            file.to_str().unwrap(),
        ];
        stdout(&akson(&args, text.as_bytes()))
    };
    assert_eq!(
        seg("names.txt", "# names\nສີສະຫວາດ\t5\n", "ທ່ານສີສະຫວາດ\n"),
        "ທ່ານ|ສີສະຫວາດ\n"
    );
    // A word whose canonical form has other syllables (ill-formed: ແຫມຳ: ແຫ|ມຳ;
    // ແໝຳ: ແໝ|ຳ) is found as spelt in the list.
    assert_eq!(seg("old.txt", "ແຫມຳ\t7\n", "ແຫມຳດີ\n"), "ແຫມຳ|ດີ\n");
    // A word listed without a count is found whole even where the embedded
    // dictionary's words would split it, as `Dictionary::add` does; one listed
    // with a low count is not.
    let text = "ໃຫ້ການສະໜັບສະໜູນ\n";
    assert_eq!(seg("compound.txt", "ໃຫ້ການ\n", text), "ໃຫ້ການ|ສະໜັບສະໜູນ\n");
    assert_eq!(seg("compound.txt", "ໃຫ້ການ\t1\n", text), "ໃຫ້|ການ|ສະໜັບສະໜູນ\n");
    // A compiled dictionary is still read (the embedded one alone gives ທີ່|ມີ).
    let fst = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/dictionaries/akson-lo-phrases.fst"
    );
    let o = akson(
        &["segment", "--unit", "word", "--dict", fst],
        "ທີ່ມີ\n".as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout(&o), "ທີ່ມີ\n");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "ສີສະຫວາດ\nhello\n").unwrap();
    let o = akson(
        &["segment", "--unit", "word", "--dict", bad.to_str().unwrap()],
        b"x\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2") && err.contains("bad.txt"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn repetitive_text_is_linear() {
    let text = "ບັນດາ".repeat(20_000) + "\n";
    let t = std::time::Instant::now();
    let o = akson(&["segment", "--unit", "word"], text.as_bytes());
    let took = t.elapsed();
    assert!(o.status.success());
    assert_eq!(stdout(&o).matches('|').count(), 19_999);
    // Well under a second in a release build; generous for debug builds.
    let limit = if cfg!(debug_assertions) { 20.0 } else { 1.0 };
    assert!(took.as_secs_f64() < limit, "{took:?}");
}

#[test]
fn correct_keeps_lines_and_explains() {
    let input = "ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ\r\n\nກະຊວງເຕັກໂນໂລຊີ 2019\nabc";
    let o = akson(&["correct"], input.as_bytes());
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ\r\n\nກະຊວງເຕັກໂນໂລຊີ 2019\nabc",
        "same lines, CRLF kept, correct text unchanged"
    );
    let o = akson(&["correct", "--explain"], input.as_bytes());
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["text"], "ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ");
    let c = &lines[0]["corrections"][0];
    let (s, e) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&input[s..e], c["original"].as_str().unwrap());
    assert_eq!(c["replacement"], "ເຕັກໂນໂລຊີ");
    assert!(lines[2]["corrections"].as_array().unwrap().is_empty());
    // Several files, the first ending without a line end: one object per line,
    // none empty (a file's missing line end is written only outside --explain).
    let dir = std::env::temp_dir().join(format!("akson-cli-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "ກາ").unwrap();
    std::fs::write(&b, "ມາ\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let o = akson(&["correct", "--explain", a, b], b"");
    let out = stdout(&o);
    assert_eq!(out.matches('\n').count(), 2, "{out:?}");
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object per line");
        assert_eq!(v["line"], 1, "lines count from 1 in each input");
    }
    assert_eq!(stdout(&akson(&["correct", a, b], b"")), "ກາ\nມາ\n");
    // A threshold of 1 changes nothing that is not certain; a bad one is a usage error.
    let o = akson(&["correct", "--threshold", "1"], "ກະຊວງ\n".as_bytes());
    assert_eq!(stdout(&o), "ກະຊວງ\n");
    let o = akson(&["correct", "--threshold", "high"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("between 0 and 1"));
    // Your words are never corrected.
    let dir = std::env::temp_dir().join(format!("akson-cli-correct-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let words = dir.join("names.txt");
    std::fs::write(&words, "ຕັກໂນໂລຊີ\n").unwrap();
    let o = akson(
        &["correct", "--dict", words.to_str().unwrap()],
        "ຕັກໂນໂລຊີ\n".as_bytes(),
    );
    assert_eq!(
        stdout(&o),
        "ຕັກໂນໂລຊີ\n",
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Another error model: the committed Noto Sans Lao one works, its output is
    // still one line per line; a file that is no model fails, naming its line.
    let noto = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/dictionaries/ocr/models/noto-sans-lao.tsv"
    );
    let o = akson(
        &["correct", "--model", noto],
        "ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ\nສະບາຍດີ\n".as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout(&o).lines().count(), 2);
    assert!(stdout(&o).ends_with("ສະບາຍດີ\n"), "{}", stdout(&o));
    let bad = dir.join("model.tsv");
    std::fs::write(&bad, "sub\t0E81\n").unwrap();
    let o = akson(&["correct", "--model", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 1") && err.contains("--model takes"),
        "{err}"
    );
    let o = akson(&["correct", "--model", "/no/such/model.tsv"], b"");
    assert_eq!(o.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn correct_reads_each_file_as_one_document() {
    // A line with " (a list bullet as Tesseract often reads it) shows that the
    // document's lists have bullets, so its - are bullets too; in --explain as
    // well. Each input file is a document of its own.
    let (quote, dash) = ("\" ສະຖິຕິກະສິກຳ\n", "- ສະຖິຕິພົນລະເມືອງ\n");
    let o = akson(&["correct"], format!("{quote}{dash}").as_bytes());
    assert_eq!(stdout(&o), "• ສະຖິຕິກະສິກຳ\n• ສະຖິຕິພົນລະເມືອງ\n");
    let o = akson(
        &["correct", "--explain"],
        format!("{quote}{dash}").as_bytes(),
    );
    let last: serde_json::Value = serde_json::from_str(stdout(&o).lines().last().unwrap()).unwrap();
    assert_eq!(last["text"], "• ສະຖິຕິພົນລະເມືອງ");
    assert_eq!(last["corrections"][0]["replacement"], "•");
    let dir = std::env::temp_dir().join(format!("akson-cli-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, quote).unwrap();
    std::fs::write(&b, dash).unwrap();
    let o = akson(&["correct", a.to_str().unwrap(), b.to_str().unwrap()], b"");
    assert_eq!(stdout(&o), format!("• ສະຖິຕິກະສິກຳ\n{dash}"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn each_file_keeps_its_lines() {
    // A file whose last line has no line end is not glued to the next file's.
    // (A directory of its own: tests run in parallel and remove theirs.)
    let dir = std::env::temp_dir().join(format!("akson-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (b, c) = (dir.join("b.txt"), dir.join("c.txt"));
    std::fs::write(&b, "ກາ").unwrap();
    std::fs::write(&c, "ຂາ\n").unwrap();
    let (b, c) = (b.to_str().unwrap(), c.to_str().unwrap());
    for cmd in ["normalize", "segment"] {
        let o = akson(&[cmd, b, c, "-", b], "ຄາ\n".as_bytes());
        assert_eq!(stdout(&o), "ກາ\nຂາ\nຄາ\nກາ", "{cmd}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
