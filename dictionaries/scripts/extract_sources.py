#!/usr/bin/env python3
"""Regenerate dictionaries/sources/*/{words.txt,LICENSE} from the pinned packages.

Python 3 standard library only.  Called by ../fetch_sources.sh, which downloads
and sha256-checks the packages first; this script only reads them.

    extract_sources.py --laonlp-wheel W --hunspell-deb D --tesseract-deb T \
                       --cldr-deb C --icu-orig I --out-dir dictionaries/sources [--self-check]

Every words.txt is UTF-8, one entry per line, LF line endings, with a final
newline, in the order of the source file.  Entries are copied exactly as
spelled in the source: no Unicode normalisation, no case folding, no
stripping of inner characters.  What is dropped (comment/header lines, empty
lines, structural duplicates) is documented per source in PROVENANCE.md.
"""
import argparse
import csv
import io
import math
import os
import re
import struct
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile

LAO_LETTER = re.compile("[\u0e81-\u0edf]")


# --------------------------------------------------------------------------
# package readers
# --------------------------------------------------------------------------

def read_wheel_member(wheel_path, member):
    with zipfile.ZipFile(wheel_path) as zf:
        return zf.read(member)


def read_deb_member(deb_path, member):
    """Return the bytes of `member` (e.g. './usr/share/...') from a .deb.

    A .deb is an `ar` archive; the payload is data.tar.{xz,gz,bz2}.
    """
    with open(deb_path, "rb") as f:
        blob = f.read()
    if blob[:8] != b"!<arch>\n":
        raise SystemExit(f"{deb_path}: not an ar archive")
    pos = 8
    while pos < len(blob):
        header = blob[pos:pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        data = blob[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tf:
                for cand in (member, "./" + member.lstrip("./"), member.lstrip("./")):
                    try:
                        return tf.extractfile(cand).read()
                    except KeyError:
                        continue
            raise SystemExit(f"{deb_path}: {member} not found in data.tar")
    raise SystemExit(f"{deb_path}: no data.tar member")


def text_lines(raw):
    """Split UTF-8 bytes into lines without their LF (or CRLF) terminator."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # final newline, not an empty entry
    return [l[:-1] if l.endswith("\r") else l for l in lines]


def write_words(out_dir, source_id, words):
    d = os.path.join(out_dir, source_id)
    os.makedirs(d, exist_ok=True)
    for w in words:
        if "\n" in w or "\r" in w:
            raise SystemExit(f"{source_id}: entry with a line break: {w!r}")
    data = "".join(w + "\n" for w in words).encode("utf-8")
    with open(os.path.join(d, "words.txt"), "wb") as f:
        f.write(data)
    print(f"{source_id}: {len(words)} entries", file=sys.stderr)


def verbatim(label, raw):
    """A verbatim block for a LICENSE file (bytes decoded as UTF-8)."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    if not text.endswith("\n"):
        text += "\n"
    return (f"----- begin verbatim: {label} -----\n{text}"
            f"----- end verbatim: {label} -----\n")


def write_license(out_dir, source_id, intro, blocks):
    """LICENSE = short generated intro + licence texts copied verbatim."""
    d = os.path.join(out_dir, source_id)
    os.makedirs(d, exist_ok=True)
    text = intro.rstrip("\n") + "\n\n" + "\n".join(blocks)
    with open(os.path.join(d, "LICENSE"), "wb") as f:
        f.write(text.encode("utf-8"))


def comment_header(raw):
    """The leading '#' comment lines of a laonlp word list, verbatim."""
    out = []
    for l in text_lines(raw):
        if not l.startswith("#"):
            break
        out.append(l)
    return "\n".join(out) + "\n"


def debian_copyright_paragraphs(raw, wanted):
    """Paragraph 0 (header) and the paragraphs whose Files: field is in
    `wanted`, verbatim, from a machine-readable debian/copyright."""
    paras = raw.decode("utf-8").split("\n\n")
    keep = [paras[0]]
    for p in paras[1:]:
        first = p.split("\n", 1)[0]
        if first.startswith("Files:") and first[len("Files:"):].strip() in wanted:
            keep.append(p)
    return "\n\n".join(k.strip("\n") for k in keep) + "\n"


def metadata_license_lines(raw):
    """'License:' header and the '## License' section of a wheel METADATA."""
    text = raw.decode("utf-8")
    head = [l for l in text.split("\n\n", 1)[0].split("\n")
            if l.startswith("License:") or l.startswith("Classifier: License")]
    body = text[text.index("## License"):] if "## License" in text else ""
    return "\n".join(head) + "\n\n" + body


# --------------------------------------------------------------------------
# laonlp wheel
# --------------------------------------------------------------------------

def plain_list(raw):
    """laonlp plain word lists: drop '#' comment lines and empty lines."""
    return [l for l in text_lines(raw) if l != "" and not l.startswith("#")]


def egov_headwords(raw):
    """LaoWord column of lao-eng-dictionary.csv, first occurrence order.

    The CSV has one row per (headword, sense), so a headword repeats; we keep
    its first occurrence.  Rows whose LaoWord is empty or is the literal
    column name 'LaoWord' (header lines repeated inside the file) are not
    headwords and are skipped.
    """
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    seen = set()
    out = []
    for row in reader:
        w = row["LaoWord"]
        if w == "" or w == "LaoWord":
            continue
        if w in seen:
            continue
        seen.add(w)
        out.append(w)
    return out


# --------------------------------------------------------------------------
# hunspell
# --------------------------------------------------------------------------

def hunspell_words(raw):
    lines = text_lines(raw)
    if not lines or not lines[0].strip().isdigit():
        raise SystemExit("lo_LA.dic: first line is not the entry count")
    out = []
    for l in lines[1:]:
        if l == "":
            continue
        # hunspell: 'word/FLAGS [morph fields]'; '\/' would be a literal slash
        w = re.split(r"(?<!\\)/", l, maxsplit=1)[0]
        w = w.split("\t", 1)[0]
        out.append(w)
    return out


# --------------------------------------------------------------------------
# tesseract traineddata: LSTM system DAWG
# --------------------------------------------------------------------------

LSTM_SYSTEM_DAWG = 19
LSTM_UNICHARSET = 21


def traineddata_components(blob):
    n, = struct.unpack_from("<i", blob, 0)
    offsets = struct.unpack_from("<%dq" % n, blob, 4)
    comps = {}
    for i, off in enumerate(offsets):
        if off < 0:
            continue
        end = min([o for o in offsets if o > off] + [len(blob)])
        comps[i] = blob[off:end]
    return comps


def unicharset_symbols(raw):
    lines = raw.decode("utf-8").split("\n")
    n = int(lines[0])
    # first space-separated field of each line is the unichar ("NULL" = id 0)
    return [l.split(" ", 1)[0] for l in lines[1:n + 1]]


def dawg_words(raw, symbols):
    """All words of a tesseract SquishedDawg, in DAWG traversal order.

    Format (tesseract src/dict/dawg.cpp): int16 magic 42, int32
    unicharset_size, int32 num_edges, then num_edges uint64 edge records.
    A record is letter | flags << fsb | next_node << (fsb + 3), with
    fsb = ceil(log2(unicharset_size)); flags: 1 = last edge of node,
    2 = backward edge, 4 = end of word.  Node 0 is the root.
    """
    magic, usize, nedges = struct.unpack_from("<hii", raw, 0)
    if magic != 42:
        raise SystemExit(f"dawg: bad magic {magic}")
    edges = struct.unpack_from("<%dQ" % nedges, raw, 10)
    fsb = math.ceil(math.log(usize) / math.log(2.0))
    letter_mask = (1 << fsb) - 1
    out = []
    # Iterative version of tesseract's Dawg::iterate_words_rec: each stack
    # frame is [index of the next edge to visit in a node, prefix].
    stack = [[0, ""]]
    while stack:
        frame = stack[-1]
        e, prefix = frame
        rec = edges[e]
        flags = (rec >> fsb) & 7
        if flags & 2:
            raise SystemExit("dawg: unexpected backward edge")
        word = prefix + symbols[rec & letter_mask]
        if flags & 4:
            out.append(word)
        if flags & 1:
            stack.pop()          # that was the node's last edge
        else:
            frame[0] = e + 1     # next sibling after the child subtree
        nxt = rec >> (fsb + 3)
        if nxt != 0:
            stack.append([nxt, word])
    return out


def dawg_words_recursive(raw, symbols):
    """Straightforward recursive reference version (used for self-check)."""
    magic, usize, nedges = struct.unpack_from("<hii", raw, 0)
    edges = struct.unpack_from("<%dQ" % nedges, raw, 10)
    fsb = math.ceil(math.log(usize) / math.log(2.0))
    mask = (1 << fsb) - 1
    out = []

    def rec(node, prefix):
        e = node
        while True:
            r = edges[e]
            flags = (r >> fsb) & 7
            w = prefix + symbols[r & mask]
            if flags & 4:
                out.append(w)
            nxt = r >> (fsb + 3)
            if nxt:
                rec(nxt, w)
            if flags & 1:
                break
            e += 1

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20000))
    try:
        rec(0, "")
    finally:
        sys.setrecursionlimit(old)
    return out


# --------------------------------------------------------------------------
# ICU: brkitr/laodict.dict inside icudt72l.dat (ICU common data file)
# --------------------------------------------------------------------------

def read_targz_members(path, names):
    """{name: bytes} for the given member names of a .tar.gz."""
    found = {}
    with tarfile.open(path, mode="r:gz") as tf:
        for m in tf:
            if m.name in names:
                found[m.name] = tf.extractfile(m).read()
                if len(found) == len(names):
                    break
    missing = set(names) - set(found)
    if missing:
        raise SystemExit(f"{path}: missing {sorted(missing)}")
    return found


def icu_dat_entries(blob):
    """Item name -> offset of an ICU common data (.dat, 'CmnD') package.

    Layout (icu4c source/common/udata.cpp, ucmndata.cpp): DataHeader
    (uint16 headerSize, magic 0xda 0x27, UDataInfo with isBigEndian and
    dataFormat 'CmnD'), then a TOC: uint32 count, count x (uint32
    nameOffset, uint32 dataOffset), both relative to the TOC.
    """
    hsize, m1, m2 = struct.unpack_from("<HBB", blob, 0)
    if (m1, m2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise SystemExit("icu: not a little-endian ICU common data file")
    count, = struct.unpack_from("<I", blob, hsize)
    out = {}
    for i in range(count):
        noff, doff = struct.unpack_from("<II", blob, hsize + 4 + 8 * i)
        start = hsize + noff
        out[blob[start:blob.index(b"\0", start)].decode("ascii")] = hsize + doff
    return out


def bytestrie_keys(t):
    """All keys of an ICU BytesTrie, in BytesTrie::Iterator order (sorted).

    Node encoding (icu4c source/common/unicode/bytestrie.h): lead byte
    0x00..0x0f branch node (length lead+1, or next byte + 1 if lead is 0),
    0x10..0x1f linear-match node of lead-0x0f bytes, 0x20..0xff value node
    (bit 0 = final).  Branch nodes with more than 5 edges are split on a
    comparison byte into a less-than half reached by a jump delta and a
    greater-or-equal half that follows it; smaller branches are a list of
    (byte, value-or-jump) pairs whose last edge has only the byte.
    """

    def read_value(pos, lead):
        if lead < 0x51:
            return lead - 0x10
        if lead < 0x6C:
            return ((lead - 0x51) << 8) | t[pos]
        if lead < 0x7E:
            return ((lead - 0x6C) << 16) | (t[pos] << 8) | t[pos + 1]
        if lead == 0x7E:
            return (t[pos] << 16) | (t[pos + 1] << 8) | t[pos + 2]
        return (t[pos] << 24) | (t[pos + 1] << 16) | (t[pos + 2] << 8) | t[pos + 3]

    def skip_value(pos, node):
        if node >= (0x51 << 1):
            if node < (0x6C << 1):
                pos += 1
            elif node < (0x7E << 1):
                pos += 2
            else:
                pos += 3 + ((node >> 1) & 1)
        return pos

    def skip_delta(pos):
        d = t[pos]
        pos += 1
        if d >= 0xC0:
            if d < 0xF0:
                pos += 1
            elif d < 0xFE:
                pos += 2
            else:
                pos += 3 + (d & 1)
        return pos

    def jump_by_delta(pos):
        d = t[pos]
        pos += 1
        if d < 0xC0:
            pass
        elif d < 0xF0:
            d = ((d - 0xC0) << 8) | t[pos]
            pos += 1
        elif d < 0xFE:
            d = ((d - 0xF0) << 16) | (t[pos] << 8) | t[pos + 1]
            pos += 2
        elif d == 0xFE:
            d = (t[pos] << 16) | (t[pos + 1] << 8) | t[pos + 2]
            pos += 3
        else:
            d = (t[pos] << 24) | (t[pos + 1] << 16) | (t[pos + 2] << 8) | t[pos + 3]
            pos += 4
        return pos + d

    out = []

    def node_at(pos, prefix):
        while True:
            node = t[pos]
            pos += 1
            if node >= 0x20:                      # value node
                out.append(bytes(prefix))
                if node & 1:
                    return
                pos = skip_value(pos, node)
                continue
            if node < 0x10:                       # branch node
                if node == 0:
                    node = t[pos]
                    pos += 1
                branch(pos, node + 1, prefix)
                return
            n = node - 0x10 + 1                   # linear-match node
            prefix = prefix + list(t[pos:pos + n])
            pos += n

    def branch(pos, length, prefix):
        while length > 5:
            pos += 1                              # comparison byte
            branch(jump_by_delta(pos), length >> 1, prefix)
            pos, length = skip_delta(pos), length - (length >> 1)
        for _ in range(length - 1):
            b = t[pos]
            node = t[pos + 1]
            pos += 2
            value = read_value(pos, node >> 1)
            pos = skip_value(pos, node)
            if node & 1:
                out.append(bytes(prefix + [b]))
            else:
                node_at(pos + value, prefix + [b])
        node_at(pos + 1, prefix + [t[pos]])

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20000))
    try:
        node_at(0, [])
    finally:
        sys.setrecursionlimit(old)
    return out


def icu_dict_words(blob, offset):
    """Words of an ICU .dict item (icu4c source/common/dictionarydata.h)."""
    hsize, m1, m2 = struct.unpack_from("<HBB", blob, offset)
    if (m1, m2) != (0xDA, 0x27) or blob[offset + 12:offset + 16] != b"Dict":
        raise SystemExit("icu: not a Dict item")
    base = offset + hsize
    ix = struct.unpack_from("<8i", blob, base)
    trie_off, total, trie_type, transform = ix[0], ix[3], ix[4], ix[5]
    if trie_type & 7 != 0:
        raise SystemExit("icu: expected a BytesTrie dictionary")
    if transform & 0x7F000000 != 0x01000000:
        raise SystemExit("icu: expected an offset transform")
    delta = transform & 0x1FFFFF
    keys = bytestrie_keys(blob[base + trie_off:base + total])
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        raise SystemExit("icu: trie keys are not strictly sorted (reader bug)")
    # inverse of BytesDictionaryMatcher::transform
    inv = lambda b: "\u200d" if b == 0xFF else "\u200c" if b == 0xFE else chr(delta + b)
    return ["".join(inv(b) for b in k) for k in keys]


def icu_license_sections(text, title):
    """ICU LICENSE: the main Unicode licence (first section) and the
    third-party section whose first line is `title`, verbatim."""
    parts = re.split(r"\n-{20,}\n", text)
    head = parts[0].strip("\n") + "\n"
    sec = [p for p in parts if p.strip("\n").startswith(title)]
    if len(sec) != 1:
        raise SystemExit(f"icu LICENSE: section {title!r} not found once")
    return head, sec[0].strip("\n") + "\n"


# --------------------------------------------------------------------------
# CLDR
# --------------------------------------------------------------------------

def cldr_words(main_xml, annotations_xml):
    """Lao display names (main/lo.xml) and emoji keywords (annotations/lo.xml).

    main/lo.xml: the text of every element, in document order, stripped of
    surrounding whitespace.  annotations/lo.xml: every <annotation> in
    document order, its text split on '|' and each piece stripped of
    surrounding spaces.  From both, keep only candidates that contain at
    least one Lao letter (U+0E81..U+0EDF), no ASCII letter and no '{' (this
    drops date/time patterns such as 'd MMMM y', message patterns such as
    '{0} ນາທີ' and annotation codes such as '[EGP]' or 'BRB').  Inner
    characters (including U+200B) are kept as they are.  Exact duplicates
    are dropped (first occurrence kept) across both files.
    """
    seen = set()
    out = []

    def add(w):
        if (LAO_LETTER.search(w) and not re.search("[A-Za-z]", w)
                and "{" not in w and w not in seen):
            seen.add(w)
            out.append(w)

    root = ET.fromstring(main_xml)
    for el in root.iter():
        if el.text is not None:
            add(el.text.strip())
    root = ET.fromstring(annotations_xml)
    for el in root.iter("annotation"):
        for piece in (el.text or "").split("|"):
            add(piece.strip())
    return out


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--laonlp-wheel", required=True)
    ap.add_argument("--hunspell-deb", required=True)
    ap.add_argument("--tesseract-deb", required=True)
    ap.add_argument("--cldr-deb", required=True)
    ap.add_argument("--icu-orig", required=True, help="icu_72.1.orig.tar.gz")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--self-check", action="store_true",
                    help="also cross-check the DAWG reader against a recursive version")
    a = ap.parse_args()
    out = a.out_dir

    w = a.laonlp_wheel
    wname = os.path.basename(w)
    apache = read_wheel_member(w, "laonlp-1.3.0.dist-info/licenses/LICENSE")
    metadata = read_wheel_member(w, "laonlp-1.3.0.dist-info/METADATA")

    raw = read_wheel_member(w, "laonlp/corpus/lo_spellcheck_dict.txt")
    write_words(out, "google-lo-spellcheck", plain_list(raw))
    write_license(out, "google-lo-spellcheck",
                  "google-lo-spellcheck: Apache License 2.0 (Google, "
                  "google/language-resources lo/data_sets/lo_spellcheck_dict.txt).\n"
                  "The notice below is the comment header of the file as shipped in "
                  f"{wname}; the licence text is the Apache-2.0 text shipped in the "
                  "same wheel (standard text, unmodified).",
                  [verbatim(f"{wname}:laonlp/corpus/lo_spellcheck_dict.txt (header lines)",
                            comment_header(raw)),
                   verbatim(f"{wname}:laonlp-1.3.0.dist-info/licenses/LICENSE", apache)])

    write_words(out, "egov-lao-eng",
                egov_headwords(read_wheel_member(w, "laonlp/corpus/lao-eng-dictionary.csv")))
    write_license(out, "egov-lao-eng",
                  "egov-lao-eng: MIT License, (c) 2015 The E-Government Center, "
                  "Ministry of Posts and Telecommunications of Laos.\n"
                  f"Copied verbatim from the licence file that {wname} ships next to "
                  "lao-eng-dictionary.csv.",
                  [verbatim(f"{wname}:laonlp/corpus/LICENSE-lao-eng-dictionary",
                            read_wheel_member(w, "laonlp/corpus/LICENSE-lao-eng-dictionary"))])

    raw = read_wheel_member(w, "laonlp/corpus/Lao-Dictionary.txt")
    write_words(out, "wilson-campbell-2013", plain_list(raw))
    write_license(out, "wilson-campbell-2013",
                  "wilson-campbell-2013: BSD-style licence (2-clause text), "
                  "(c) 2013 Brian Eugene Wilson, Robert Martin Campbell.\n"
                  "This is the comment header of Lao-Dictionary.txt as shipped in "
                  f"{wname}, copied verbatim; it contains the whole licence.",
                  [verbatim(f"{wname}:laonlp/corpus/Lao-Dictionary.txt (header lines)",
                            comment_header(raw))])

    write_words(out, "laonlp-wannaphong",
                plain_list(read_wheel_member(w, "laonlp/corpus/lao-wannaphong.txt")))
    write_license(out, "laonlp-wannaphong",
                  "laonlp-wannaphong: the file itself carries no notice; it is part of "
                  "the LaoNLP package, whose stated licence is Apache License 2.0, "
                  "Copyright 2020 - 2026 Wannaphong Phatthiyaphaibun (package "
                  "author, who also wrote this list).",
                  [verbatim(f"{wname}:laonlp-1.3.0.dist-info/METADATA (licence lines)",
                            metadata_license_lines(metadata)),
                   verbatim(f"{wname}:laonlp-1.3.0.dist-info/licenses/LICENSE", apache)])

    hname = os.path.basename(a.hunspell_deb)
    write_words(out, "hunspell-lo",
                hunspell_words(read_deb_member(a.hunspell_deb,
                                               "./usr/share/hunspell/lo_LA.dic")))
    write_license(out, "hunspell-lo",
                  "hunspell-lo: Debian states 'License: LGPL' (no version, no licence "
                  "text paragraph) for dictionaries/lo_LA/*, Copyright 2013 Brian "
                  "Eugene Wilson, 2013 Robert Martin Campbell.  lo_LA.dic itself has "
                  "no header and the .deb ships no other licence file for it.\n"
                  "NOTE: this is NOT the BSD licence of the 2013 Wilson & Campbell "
                  "list (see ../wilson-campbell-2013).\n"
                  f"Below: the header paragraph and the lo_LA paragraph of "
                  f"/usr/share/doc/hunspell-lo/copyright from {hname}, verbatim.",
                  [verbatim(f"{hname}:./usr/share/doc/hunspell-lo/copyright (excerpt)",
                            debian_copyright_paragraphs(
                                read_deb_member(a.hunspell_deb,
                                                "./usr/share/doc/hunspell-lo/copyright"),
                                {"*", "dictionaries/lo_LA/*"}))])

    tname = os.path.basename(a.tesseract_deb)
    td = read_deb_member(a.tesseract_deb,
                         "./usr/share/tesseract-ocr/5/tessdata/lao.traineddata")
    comps = traineddata_components(td)
    symbols = unicharset_symbols(comps[LSTM_UNICHARSET])
    words = dawg_words(comps[LSTM_SYSTEM_DAWG], symbols)
    if a.self_check:
        ref = dawg_words_recursive(comps[LSTM_SYSTEM_DAWG], symbols)
        if ref != words:
            raise SystemExit("dawg: iterative and recursive readers disagree")
        print("tesseract-lao: DAWG self-check ok", file=sys.stderr)
    write_words(out, "tesseract-lao", words)
    write_license(out, "tesseract-lao",
                  "tesseract-lao: Apache License 2.0 (tessdata_fast, Google Inc.), as "
                  f"stated by /usr/share/doc/tesseract-ocr-lao/copyright in {tname}.\n"
                  "The full Apache-2.0 text is appended (standard text, taken from the "
                  f"{wname} wheel, since the .deb points to Debian's common-licenses).",
                  [verbatim(f"{tname}:./usr/share/doc/tesseract-ocr-lao/copyright",
                            read_deb_member(a.tesseract_deb,
                                            "./usr/share/doc/tesseract-ocr-lao/copyright")),
                   verbatim("Apache-2.0 text (from the laonlp wheel)", apache)])

    cname = os.path.basename(a.cldr_deb)
    base = "./usr/share/unicode/cldr/common/"
    main_xml = read_deb_member(a.cldr_deb, base + "main/lo.xml")
    ann_xml = read_deb_member(a.cldr_deb, base + "annotations/lo.xml")
    write_words(out, "cldr-lo", cldr_words(main_xml, ann_xml))

    def xml_notice(raw):
        t = raw.decode("utf-8")
        return t[t.index("<!--"):t.index("-->") + 3] + "\n"

    write_license(out, "cldr-lo",
                  "cldr-lo: Unicode License (Unicode-DFS-2016), Copyright 1991-2022 "
                  "Unicode, Inc.\nBelow: /usr/share/doc/unicode-cldr-core/copyright "
                  f"from {cname} and the notice comment of the two XML files used, "
                  "verbatim.",
                  [verbatim(f"{cname}:./usr/share/doc/unicode-cldr-core/copyright",
                            read_deb_member(a.cldr_deb,
                                            "./usr/share/doc/unicode-cldr-core/copyright")),
                   verbatim(f"{cname}:{base}main/lo.xml (notice comment)", xml_notice(main_xml)),
                   verbatim(f"{cname}:{base}annotations/lo.xml (notice comment)",
                            xml_notice(ann_xml))])

    iname = os.path.basename(a.icu_orig)
    dat_name, lic_name = "icu/source/data/in/icudt72l.dat", "icu/LICENSE"
    m = read_targz_members(a.icu_orig, {dat_name, lic_name})
    dat = m[dat_name]
    entries = icu_dat_entries(dat)
    write_words(out, "icu-laodict",
                icu_dict_words(dat, entries["icudt72l/brkitr/laodict.dict"]))
    head, lao = icu_license_sections(m[lic_name].decode("utf-8"),
                                     "Lao Word Break Dictionary Data (laodict.txt)")
    write_license(out, "icu-laodict",
                  "icu-laodict: BSD-style licence (2-clause text), Copyright (C) 2013 "
                  "Brian Eugene Wilson, Robert Martin Campbell, for the Lao word list "
                  "(version of Nov 22, 2020) from which ICU's laodict.txt is derived; "
                  "ICU's own packaging of it: Unicode licence, (C) 2016 and later "
                  "Unicode, Inc. and others / (c) 2015 IBM and others.\n"
                  f"Below: the Lao section and the main licence of icu/LICENSE from "
                  f"{iname}, verbatim.",
                  [verbatim(f"{iname}:{lic_name} (section 'Lao Word Break Dictionary Data')", lao),
                   verbatim(f"{iname}:{lic_name} (main licence, first section)", head)])

if __name__ == "__main__":
    main()
