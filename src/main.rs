//! The `akson` command-line tool: streaming, line by line, over stdin or files.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

use akson::Form;

const MAIN_HELP: &str = "\
akson — Lao-script text technology

Usage: akson <COMMAND> [OPTIONS] [FILE...]

Commands:
  normalize   Write each line in canonical (or search) form
  segment     Insert a separator between syllables or words of each line
  correct     Correct OCR errors in each line

Every command reads the FILEs (or standard input when there is none, or for `-`)
line by line, as UTF-8, and writes one output line per input line to standard output.
Line ends (LF or CRLF) are kept as they were (`correct --explain` writes one JSON
object per input line, each ending in LF).

Options:
  -h, --help     Show help (also `akson <COMMAND> --help`)
  -V, --version  Show the version (and the embedded dictionary's)

Exit status: 0 on success, 1 when the input is not UTF-8 or cannot be read, a
--dict file cannot be read or is malformed, or the output cannot be written,
2 for a usage error. Output stops at the first such input error, after the lines
before it (of that file and the files before it).
";

const NORMALIZE_HELP: &str = "\
akson normalize — write each line in a normal form

Usage: akson normalize [--form canonical|search] [FILE...]

Options:
  --form FORM   canonical (default): lossless repair for storage and display
                (ນໍ້າ → ນ້ຳ, ຫນ → ໜ, ເເ → ແ, tone after vowel, Thai marks → Lao);
                search: canonical plus folding for matching (ຫລ → ຫຼ, Lao digits → ASCII,
                TAB and Zs spaces → U+0020, zero-width characters and ໌ removed)
  -h, --help    Show this help

Example:
  echo 'ດໍາລັດ ຫນ້າທີ່' | akson normalize        # ດຳລັດ ໜ້າທີ່
";

const SEGMENT_HELP: &str = "\
akson segment — insert a separator at every unit boundary of each line

Usage: akson segment [--unit syllable|word] [--sep STR] [--dict FILE]... [--no-default-dict] [FILE...]

Options:
  --unit UNIT   syllable (default): Lao syllables
                word: Lao words, with the embedded dictionary
                In both, spaces, numbers, other-script words and punctuation are
                units of their own.
  --dict FILE   with --unit word: also use the words of FILE (a word list, one word
                per line, optionally `word<TAB>count per million`; or a compiled
                dictionary). A word without a count is given once per
                million, or more where the other dictionaries' words would
                split it, so that, alone, it is found whole. A word the
                dictionaries have already keeps the lower of its two costs (a
                count lower than theirs changes nothing). May be given more
                than once.
  --no-default-dict
                with --dict: use only the given dictionaries
  --sep STR     separator to insert between units (default `|`); removing every STR
                from an output line gives the input line back exactly when no
                character of STR occurs in the line (with STR ກາກ, the line ກາມາ
                gives ກາກາກມາ, which the removal misreads); STR cannot hold a
                line break
  -h, --help    Show this help

Examples:
  echo 'ວັດທະນະຖາວອນ' | akson segment               # ວັດ|ທະ|ນະ|ຖາ|ວອນ
  echo 'ກະຊວງໄປສະນີ' | akson segment --unit word    # ກະຊວງ|ໄປສະນີ
";

const CORRECT_HELP: &str = "\
akson correct — correct OCR errors (Tesseract's Lao model) in each line

Usage: akson correct [--threshold X] [--explain] [--dict FILE]... [--model FILE] [FILE...]

Writes each line corrected and in canonical form: the same number of lines out as
in. A span changes only when the corrector is confident (see --threshold); numbers,
Latin text and punctuation are left alone, except specks of dirt read as punctuation
at a line's edges or stuck to the front of a word, and a list bullet read as \" or
“ (written as • again), and a Roman numeral after ທີ read as punctuation (ພາກທີ |
is ພາກທີ I again); spaces where a line wrapped inside a word, and the start of
a word read twice (ແ ແລະ, ຂໍ້ມ ມູນ), are removed. Each input FILE (or standard
input) is one document: once its lines show bullets read as \", its lines' - are
bullets too; its lines' ends tell whether dirt at the margins is read as
punctuation (a lone : first on a line is then dirt, else a bullet), and its lines'
commas and full stops whether it is a faded copy, whose full stops between two
words are commas.

Options:
  --threshold X  minimum confidence (0 to 1) of a correction (default 0.9); higher
                 changes less
  --explain      write one JSON object per line instead, each ending in LF:
                 {\"line\": N (from 1 in each input), \"text\": corrected line,
                 \"corrections\": [{\"start\", \"end\" (byte offsets in the input
                 line), \"original\", \"replacement\", \"confidence\",
                 \"candidates\": [[word, probability], ...]}]}
  --dict FILE    also know the words of FILE (names, terms), as for `segment`
  --model FILE   the error model of FILE instead of the embedded one (Phetsarath OT,
                 the decree font): a TSV as in dictionaries/ocr/model.tsv, such as
                 dictionaries/ocr/models/noto-sans-lao.tsv for text set in Noto Sans Lao
  -h, --help     Show this help

Example:
  echo 'ຕັກໂນ ໂລຊີ' | akson correct                  # ເຕັກໂນໂລຊີ
";

enum Job {
    Normalize(Form),
    Segment {
        sep: String,
        unit: Unit,
        dicts: Vec<String>,
        default_dict: bool,
    },
    Correct {
        threshold: Option<f64>,
        explain: bool,
        dicts: Vec<String>,
        model: Option<String>,
    },
}

#[derive(PartialEq)]
enum Unit {
    Syllable,
    Word,
}

/// A failure that ends the run, with its exit status.
struct Fail {
    status: u8,
    message: String,
}

fn usage(message: impl Into<String>) -> Fail {
    Fail {
        status: 2,
        message: format!("{}\nTry `akson --help`.", message.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(a) => a,
        Err(bad) => {
            complain(&format!("akson: argument {bad:?} is not valid Unicode\n"));
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                complain(&format!("akson: {}\n", f.message));
            }
            ExitCode::from(f.status)
        }
    }
}

fn run(args: &[String]) -> Result<(), Fail> {
    let Some(cmd) = args.first() else {
        // A usage error (status 2): the help goes where errors go.
        complain(MAIN_HELP);
        return Err(Fail {
            status: 2,
            message: String::new(),
        });
    };
    let (help, mut job) = match cmd.as_str() {
        "-h" | "--help" | "help" => return say(MAIN_HELP),
        "-V" | "--version" => {
            return say(&format!(
                "akson {} (dictionary {})\n",
                akson::VERSION,
                akson::DICTIONARY_VERSION
            ));
        }
        "normalize" | "normalise" => (NORMALIZE_HELP, Job::Normalize(Form::Canonical)),
        "segment" => (
            SEGMENT_HELP,
            Job::Segment {
                sep: "|".into(),
                unit: Unit::Syllable,
                dicts: Vec::new(),
                default_dict: true,
            },
        ),
        "correct" => (
            CORRECT_HELP,
            Job::Correct {
                threshold: None,
                explain: false,
                dicts: Vec::new(),
                model: None,
            },
        ),
        other => return Err(usage(format!("unknown command {other:?}"))),
    };
    let mut files = Vec::new();
    let mut i = 1;
    let mut options_done = false;
    while i < args.len() {
        let a = &args[i];
        if options_done || a == "-" || !a.starts_with('-') {
            files.push(a.clone());
        } else if a == "--" {
            options_done = true;
        } else if a == "-h" || a == "--help" {
            return say(help);
        } else {
            // `--name=value` or `--name value`.
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (a.as_str(), None),
            };
            let takes_value = matches!(
                name,
                "--form" | "--sep" | "--unit" | "--dict" | "--threshold" | "--model"
            );
            let value = if takes_value {
                match inline.clone() {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i)
                            .cloned()
                            .ok_or_else(|| usage(format!("{name} needs a value")))?
                    }
                }
            } else {
                String::new()
            };
            // A file name or a model cannot be empty (`--dict=` by mistake).
            if value.is_empty() && matches!(name, "--dict" | "--model") {
                return Err(usage(format!("{name} needs a file name")));
            }
            match (&mut job, name) {
                (Job::Normalize(form), "--form") => {
                    *form = value
                        .parse()
                        .map_err(|e: akson::Error| usage(e.to_string()))?;
                }
                (Job::Segment { sep, .. }, "--sep") => {
                    // One output line per input line: a separator cannot hold one.
                    if value.contains(['\n', '\r']) {
                        return Err(usage(
                            "--sep cannot hold a line break: each input line gives one output line",
                        ));
                    }
                    *sep = value
                }
                (Job::Segment { unit, .. }, "--unit") => {
                    *unit = match value.as_str() {
                        "syllable" | "syllables" => Unit::Syllable,
                        "word" | "words" => Unit::Word,
                        _ => {
                            return Err(usage(format!(
                                "unknown unit {value:?}: use `syllable` or `word`"
                            )))
                        }
                    }
                }
                (Job::Segment { dicts, .. }, "--dict") => dicts.push(value),
                (Job::Correct { dicts, .. }, "--dict") => dicts.push(value),
                (Job::Correct { model, .. }, "--model") => *model = Some(value),
                (Job::Correct { threshold, .. }, "--threshold") => {
                    let t: f64 = value.parse().map_err(|_| {
                        usage(format!(
                            "--threshold {value:?} is not a number between 0 and 1"
                        ))
                    })?;
                    akson::CorrectOptions::with_threshold(t).map_err(|e| usage(e.to_string()))?;
                    *threshold = Some(t);
                }
                (Job::Correct { explain, .. }, "--explain") if inline.is_none() => *explain = true,
                (Job::Segment { default_dict, .. }, "--no-default-dict") if inline.is_none() => {
                    *default_dict = false
                }
                _ => return Err(usage(format!("unknown option {a:?} for `akson {cmd}`"))),
            }
        }
        i += 1;
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let dictionary = match &job {
        Job::Segment {
            unit: Unit::Word,
            dicts,
            default_dict,
            ..
        } => {
            if !*default_dict && dicts.is_empty() {
                return Err(usage("--no-default-dict needs at least one --dict FILE"));
            }
            let mut d = if *default_dict && dicts.is_empty() {
                None
            } else if *default_dict {
                Some(akson::Dictionary::new())
            } else {
                Some(akson::Dictionary::empty())
            };
            for f in dicts {
                add_dictionary_file(d.as_mut().expect("set above"), f)?;
            }
            Some(d)
        }
        Job::Segment { dicts, .. } if !dicts.is_empty() => {
            return Err(usage("--dict needs --unit word"));
        }
        Job::Segment {
            default_dict: false,
            ..
        } => {
            return Err(usage(
                "--no-default-dict needs --unit word and a --dict FILE",
            ));
        }
        _ => None,
    };
    let dictionary: Option<&akson::Dictionary> = match &dictionary {
        Some(Some(d)) => Some(d),
        Some(None) => Some(akson::Dictionary::embedded()),
        None => None,
    };
    let corrector = match &job {
        Job::Correct {
            threshold,
            dicts,
            model,
            ..
        } => {
            let mut c = if dicts.is_empty() {
                akson::Corrector::new()
            } else {
                let mut d = akson::Dictionary::new();
                for f in dicts {
                    add_dictionary_file(&mut d, f)?;
                }
                akson::Corrector::with_dictionary(d)
            };
            if let Some(f) = model {
                let fail = |why: String| Fail {
                    status: 1,
                    message: format!(
                        "{f}: {why} (--model takes an error model TSV such as \
                         dictionaries/ocr/models/noto-sans-lao.tsv)"
                    ),
                };
                let text = std::fs::read_to_string(f).map_err(|e| fail(e.to_string()))?;
                // (The library takes an empty model, with no counts of what
                // Tesseract misreads; from a file it is a mistake.)
                if text
                    .lines()
                    .all(|l| l.trim().is_empty() || l.starts_with('#'))
                {
                    return Err(fail(
                        "the file has no model lines, only blanks or comments".into(),
                    ));
                }
                let m = akson::ErrorModel::from_tsv(&text).map_err(|e| fail(e.to_string()))?;
                c = c.with_model(m);
            }
            if let Some(t) = threshold {
                let o =
                    akson::CorrectOptions::with_threshold(*t).map_err(|e| usage(e.to_string()))?;
                c = c.with_options(o);
            }
            Some(c)
        }
        _ => None,
    };
    let ctx = Ctx {
        dictionary,
        corrector: corrector.as_ref(),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut result = Ok(false);
    for (k, f) in files.iter().enumerate() {
        result = if f == "-" {
            process(io::stdin().lock(), "standard input", &job, &ctx, &mut out)
        } else {
            match std::fs::File::open(f) {
                Ok(file) => process(
                    BufReader::with_capacity(64 * 1024, file),
                    f,
                    &job,
                    &ctx,
                    &mut out,
                ),
                Err(e) => Err(Fail {
                    status: 1,
                    message: format!("cannot open {f:?}: {e}"),
                }),
            }
        };
        match result {
            Err(_) => break,
            // A last line without a line end is still a line of its own when
            // another input follows.
            Ok(true) if k + 1 < files.len() => {
                result = out.write_all(b"\n").map_err(write_fail).map(|()| false);
                if result.is_err() {
                    break;
                }
            }
            Ok(_) => {}
        }
    }
    let flushed = out.flush();
    // The process ends here: its memory goes back at once, without freeing the
    // corrector's index piece by piece (a few milliseconds).
    std::mem::forget(corrector);
    match (result, flushed.map_err(write_fail)) {
        // Both reported: the input's error, then the output's (not dropped).
        (Err(mut read), Err(write)) => {
            if !write.message.is_empty() {
                read.message = format!("{}\nakson: {}", read.message, write.message);
            }
            Err(read)
        }
        (Err(f), _) | (_, Err(f)) => Err(f),
        (Ok(_), Ok(())) => Ok(()),
    }
}

/// Adds the words of the dictionary file `path` (as `Dictionary::load` reads it)
/// to `d`: a word list's words are added to `d` itself, so that those without a
/// count are weighed against `d`'s words (`Dictionary::suggested_count`); a
/// compiled dictionary is merged.
fn add_dictionary_file(d: &mut akson::Dictionary, path: &str) -> Result<(), Fail> {
    let fail = |e: akson::Error| Fail {
        status: 1,
        message: match e {
            akson::Error::InvalidDictionary(m) => format!("invalid dictionary: {path}: {m}"),
            e => e.to_string(),
        },
    };
    let bytes = std::fs::read(path).map_err(|e| {
        fail(akson::Error::Io {
            what: format!("cannot read dictionary {path}"),
            source: e,
        })
    })?;
    match std::str::from_utf8(&bytes) {
        Ok(text) if !akson::dict::is_compiled(&bytes) => {
            d.extend_from_word_list(text).map(drop).map_err(fail)
        }
        // A compiled dictionary, or not UTF-8, which `from_bytes` reports by line.
        _ => akson::Dictionary::from_bytes(&bytes)
            .map(|extra| d.merge(&extra))
            .map_err(fail),
    }
}

/// Writes `text` to standard error; if that fails too, there is no one to tell
/// (`eprint!` would panic), and the exit status still says it.
fn complain(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Writes `text` (help, the version) to standard output, failing as the jobs'
/// output does (`print!` would panic on a full disk or a closed pipe).
fn say(text: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(write_fail)
}

fn write_fail(e: io::Error) -> Fail {
    if e.kind() == io::ErrorKind::BrokenPipe {
        // The reader went away (e.g. `| head`): not an error of ours.
        Fail {
            status: 0,
            message: String::new(),
        }
    } else {
        Fail {
            status: 1,
            message: format!("cannot write to standard output: {e}"),
        }
    }
}

/// What the jobs work with, made once.
struct Ctx<'a> {
    dictionary: Option<&'a akson::Dictionary>,
    corrector: Option<&'a akson::Corrector>,
}

/// `s` as a JSON string.
fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads `input` line by line and writes the processed lines. Memory is bounded by
/// the longest line. Returns whether the input's last line had no line end.
fn process<R: BufRead, W: Write>(
    mut input: R,
    name: &str,
    job: &Job,
    ctx: &Ctx,
    out: &mut W,
) -> Result<bool, Fail> {
    let dictionary = ctx.dictionary;
    let mut line = Vec::with_capacity(4096);
    let mut buf = String::new();
    let mut line_no = 0usize;
    let mut byte_at = 0usize;
    let mut unterminated = false;
    // Each input is one document: its lines help read each other's list bullets,
    // margins and commas.
    let mut doc = akson::correct::Document::new();
    loop {
        line.clear();
        let n = (&mut input)
            .take(u64::MAX)
            .read_until(b'\n', &mut line)
            .map_err(|e| Fail {
                status: 1,
                message: format!("{name}: cannot read line {}: {e}", line_no + 1),
            })?;
        if n == 0 {
            return Ok(unterminated);
        }
        line_no += 1;
        let mut content = &line[..];
        let mut ending: &[u8] = b"";
        if let Some(stripped) = content.strip_suffix(b"\n") {
            content = stripped;
            ending = b"\n";
            if let Some(s) = content.strip_suffix(b"\r") {
                content = s;
                ending = b"\r\n";
            }
        }
        unterminated = ending.is_empty();
        let text = std::str::from_utf8(content).map_err(|e| {
            let off = e.valid_up_to();
            Fail {
                status: 1,
                message: format!(
                    "{name}: line {line_no}: invalid UTF-8 at byte offset {off} of the line \
                     (byte {} of the input); output stops before this line. akson reads UTF-8 \
                     only: convert the input first (e.g. `iconv -f <encoding> -t UTF-8`)",
                    byte_at + off
                ),
            }
        })?;
        byte_at += n;
        match job {
            Job::Normalize(form) => {
                let s = akson::normalize(text, *form);
                out.write_all(s.as_bytes()).map_err(write_fail)?;
            }
            Job::Segment { sep, .. } => {
                buf.clear();
                let mut push = |k: usize, unit: &str| {
                    if k > 0 {
                        buf.push_str(sep);
                    }
                    buf.push_str(unit);
                };
                match dictionary {
                    Some(d) => d.words(text).enumerate().for_each(|(k, u)| push(k, u)),
                    None => akson::syllables(text)
                        .enumerate()
                        .for_each(|(k, u)| push(k, u)),
                }
                out.write_all(buf.as_bytes()).map_err(write_fail)?;
            }
            Job::Correct { explain, .. } => {
                let c = ctx.corrector.expect("made for correct");
                buf.clear();
                if *explain {
                    let list = c.corrections_in(&mut doc.clone(), text);
                    buf.push_str(&format!("{{\"line\": {line_no}, \"text\": "));
                    json_str(&c.correct_in(&mut doc, text), &mut buf);
                    buf.push_str(", \"corrections\": [");
                    for (k, x) in list.iter().enumerate() {
                        if k > 0 {
                            buf.push_str(", ");
                        }
                        buf.push_str(&format!(
                            "{{\"start\": {}, \"end\": {}, \"original\": ",
                            x.start, x.end
                        ));
                        json_str(&x.original, &mut buf);
                        buf.push_str(", \"replacement\": ");
                        json_str(&x.replacement, &mut buf);
                        buf.push_str(&format!(
                            ", \"confidence\": {:.4}, \"candidates\": [",
                            x.confidence
                        ));
                        for (m, (w, p)) in x.candidates.iter().enumerate() {
                            if m > 0 {
                                buf.push_str(", ");
                            }
                            buf.push('[');
                            json_str(w, &mut buf);
                            buf.push_str(&format!(", {p:.4}]"));
                        }
                        buf.push_str("]}");
                    }
                    buf.push_str("]}");
                    out.write_all(buf.as_bytes()).map_err(write_fail)?;
                    out.write_all(b"\n").map_err(write_fail)?;
                    // Every object ends in LF, even for a last line that has none.
                    unterminated = false;
                    continue;
                }
                buf.push_str(&c.correct_in(&mut doc, text));
                out.write_all(buf.as_bytes()).map_err(write_fail)?;
            }
        }
        out.write_all(ending).map_err(write_fail)?;
    }
}
