//! Tests of reading: formats, compression, folders, rejects and limits.

use super::*;
use std::io::{Cursor, Write};
use std::path::Path;
use tempfile::TempDir;

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, data).unwrap();
    path
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn zstd_bytes(data: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(data, 3).unwrap()
}

fn read_all(paths: &[PathBuf], opts: InputOptions) -> Vec<Item> {
    Reader::new(paths, opts).collect()
}

fn read_stream(name: &str, data: &[u8], opts: InputOptions) -> Vec<Item> {
    Reader::from_reader(name, Box::new(Cursor::new(data.to_vec())), opts).collect()
}

fn opts(format: Format) -> InputOptions {
    InputOptions {
        format,
        ..InputOptions::default()
    }
}

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.to_owned(),
        title: None,
        text: text.to_owned(),
        date: None,
        bytes: 0,
    }
}

/// Items with `bytes` zeroed, so expectations can focus on content.
fn normalized(items: Vec<Item>) -> Vec<Item> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Doc(d) => Item::Doc(Document { bytes: 0, ..d }),
            Item::Rejected(r) => Item::Rejected(Rejected { bytes: 0, ..r }),
        })
        .collect()
}

/// Compact summary: `D id=text` or `R line:reason`.
fn summary(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Doc(d) => format!("D {}={}", d.id, d.text),
            Item::Rejected(r) => format!("R {}:{:?}:{}", r.source, r.line, r.reason),
        })
        .collect()
}

fn summary_of_stream(data: &[u8], format: Format) -> Vec<String> {
    summary(&read_stream("s", data, opts(format)))
}

#[test]
fn utf16_is_named_not_called_binary() {
    let utf16: Vec<u8> = "\u{feff}Putin in Ankara"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let got = summary_of_stream(&utf16, Format::Text);
    assert!(got[0].contains("UTF-16 text (little-endian)"), "{got:?}");
}

fn xz_bytes(data: &[u8]) -> Vec<u8> {
    let mut w = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap()
}

fn bzip2_bytes(data: &[u8]) -> Vec<u8> {
    let mut w = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    w.write_all(data).unwrap();
    w.finish().unwrap()
}

#[test]
fn xz_and_bzip2_are_read_whole_and_cut_short_are_named() {
    let (a, b) = (
        b"{\"id\":\"a\",\"text\":\"x\"}\n",
        b"{\"id\":\"b\",\"text\":\"y\"}\n",
    );
    for (compress, name) in [
        (xz_bytes as fn(&[u8]) -> Vec<u8>, "xz"),
        (bzip2_bytes, "bzip2"),
    ] {
        // Two streams one after another (`cat a.xz b.xz`), sniffed as JSONL.
        let data = [compress(a), compress(b)].concat();
        assert_eq!(
            summary_of_stream(&data, Format::Auto),
            ["D a=x", "D b=y"],
            "{name}"
        );
        let one = compress(b"one article");
        assert_eq!(
            summary_of_stream(&one, Format::Text),
            ["D s=one article"],
            "{name}"
        );
        let cut = summary_of_stream(&one[..one.len() - 4], Format::Text);
        assert!(
            cut[0].starts_with(&format!("R s:Some(1):{name}: ")),
            "{cut:?}"
        );
    }
    // Text that only begins like a bzip2 header is text.
    assert_eq!(summary_of_stream(b"BZh9 of", Format::Text), ["D s=BZh9 of"]);
}

#[test]
fn a_lone_surrogate_is_named() {
    let data = b"{\"text\":\"a\\ud800b\"}\n{\"text\":\"a\\udc00\"}\n";
    assert_eq!(
        summary_of_stream(data, Format::Jsonl),
        [
            "R s:Some(1):invalid JSON: lone surrogate `\\ud800` at column 11: half of a UTF-16 pair, not a character",
            "R s:Some(2):invalid JSON: lone surrogate `\\udc00` at column 11: half of a UTF-16 pair, not a character",
        ]
    );
}

#[test]
fn jsonl_records_table() {
    // (input line(s), expected summary)
    let cases: &[(&str, &[&str])] = &[
        (r#"{"id":"a1","text":"Hello"}"#, &["D a1=Hello"]),
        (r#"{"id":42,"text":"Num"}"#, &["D 42=Num"]),
        (r#"{"id":-7,"text":"Neg"}"#, &["D -7=Neg"]),
        (r#"{"id":1.5,"text":"Float"}"#, &["D 1.5=Float"]),
        (r#"{"text":"No id"}"#, &["D s:1=No id"]),
        (r#"{"id":null,"text":"Null id"}"#, &["D s:1=Null id"]),
        (r#"{"id":[1],"text":"Array id"}"#, &["D s:1=Array id"]),
        (r#"{"id":"","text":"Empty id"}"#, &["D s:1=Empty id"]),
        (
            r#"{"id":"x","text":"T","extra":{"deep":[1,2,{"a":null}]}}"#,
            &["D x=T"],
        ),
        (
            r#"{"id":"x","text":"esc \"q\" \u00e9"}"#,
            &["D x=esc \"q\" é"],
        ),
        (r#"{"id":"x"}"#, &["R s:Some(1):missing field `text`"]),
        (
            r#"{"id":"x","text":5}"#,
            &["R s:Some(1):field `text` is not a string"],
        ),
        (
            r#"{"id":"x","text":null}"#,
            &["R s:Some(1):field `text` is not a string"],
        ),
        (
            r#"{"id":"x" "text":"a"}"#,
            &["R s:Some(1):invalid JSON: expected `,` or `}` at column 11"],
        ),
        (
            r#"{"text":"a"} junk"#,
            &["R s:Some(1):invalid JSON: trailing characters at column 14"],
        ),
        (
            r#"{"text":"a"#,
            &["R s:Some(1):invalid JSON: EOF while parsing a string at column 10"],
        ),
        ("[1,2]", &["R s:Some(1):not a JSON object (found array)"]),
        ("\"str\"", &["R s:Some(1):not a JSON object (found string)"]),
        ("  \n\t\n\r\n", &[]),
    ];
    for (input, expected) in cases {
        assert_eq!(
            summary_of_stream(input.as_bytes(), Format::Jsonl),
            *expected,
            "input: {input}"
        );
    }
}

#[test]
fn jsonl_title_date_and_bytes() {
    let data = "{\"id\":\"a\",\"text\":\"T\",\"title\":\"Head\",\"date\":\"2024-01-02\"}\n\
                {\"id\":\"b\",\"text\":\"U\",\"title\":3,\"date\":false}";
    let items = read_stream("s", data.as_bytes(), opts(Format::Jsonl));
    let first_len = data.find('\n').unwrap() as u64 + 1;
    assert_eq!(
        items,
        vec![
            Item::Doc(Document {
                id: "a".into(),
                title: Some("Head".into()),
                text: "T".into(),
                date: Some("2024-01-02".into()),
                bytes: first_len,
            }),
            Item::Doc(Document {
                id: "b".into(),
                title: None,
                text: "U".into(),
                date: None,
                bytes: data.len() as u64 - first_len,
            }),
        ]
    );
}

#[test]
fn configured_field_names() {
    let fields = Fields {
        id: "uid".into(),
        text: "body".into(),
        title: "headline".into(),
        date: "published".into(),
    };
    let o = InputOptions {
        format: Format::Jsonl,
        fields,
        ..InputOptions::default()
    };
    let data = b"{\"uid\":\"u1\",\"body\":\"B\",\"headline\":\"H\",\"published\":\"P\",\"text\":\"ignored\",\"id\":\"no\"}\n\
                 {\"uid\":\"u2\",\"text\":\"wrong field\"}\n\
                 {\"uid\":\"u3\",\"body\":[]}\n";
    let items = normalized(read_stream("s", data, o));
    assert_eq!(
        items,
        vec![
            Item::Doc(Document {
                id: "u1".into(),
                title: Some("H".into()),
                text: "B".into(),
                date: Some("P".into()),
                bytes: 0,
            }),
            Item::Rejected(Rejected {
                source: "s".into(),
                line: Some(2),
                reason: "missing field `body`".into(),
                record: "{\"uid\":\"u2\",\"text\":\"wrong field\"}\n".into(),
                bytes: 0,
            }),
            Item::Rejected(Rejected {
                source: "s".into(),
                line: Some(3),
                reason: "field `body` is not a string".into(),
                record: "{\"uid\":\"u3\",\"body\":[]}\n".into(),
                bytes: 0,
            }),
        ]
    );
}

#[test]
fn malformed_line_keeps_neighbours() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\"two\"\n\n{\"id\":\"3\",\"text\":\"three\"}\n",
    );
    let items = read_all(std::slice::from_ref(&path), InputOptions::default());
    let src = path.display().to_string();
    assert_eq!(
        summary(&items),
        vec![
            "D 1=one".to_string(),
            format!("R {src}:Some(2):invalid JSON: EOF while parsing an object at column 22"),
            "D 3=three".to_string(),
        ]
    );
    match &items[1] {
        Item::Rejected(r) => {
            assert_eq!(r.record, "{\"id\":\"2\",\"text\":\"two\"\n");
            assert_eq!(r.bytes, 23);
        }
        other => panic!("expected rejection, got {other:?}"),
    }
}

#[test]
fn invalid_utf8_line() {
    let mut data = b"{\"text\":\"ok\"}\n{\"text\":\"bad ".to_vec();
    data.extend_from_slice(&[0xff, 0xfe]);
    data.extend_from_slice(b"\"}\n{\"text\":\"after\"}\n");
    assert_eq!(
        summary_of_stream(&data, Format::Jsonl),
        vec![
            "D s:1=ok",
            "R s:Some(2):invalid UTF-8 at byte 13",
            "D s:3=after"
        ]
    );
    // Lines format validates too.
    assert_eq!(
        summary_of_stream(b"a\n\xc3(\nb", Format::Lines),
        vec!["D s:1=a", "R s:Some(2):invalid UTF-8 at byte 0", "D s:3=b"]
    );
}

#[test]
fn crlf_bom_and_blank_lines() {
    let data = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   \r\n{\"id\":\"b\",\"text\":\"y\"}\r\n";
    let items = read_stream("s", data, opts(Format::Jsonl));
    assert_eq!(summary(&items), vec!["D a=x", "D b=y"]);
    if let Item::Doc(d) = &items[0] {
        // The BOM and CRLF still count as input bytes.
        assert_eq!(d.bytes, 3 + 21 + 2);
    }
    // BOM with invalid UTF-8 on line 1: offset is within the raw line.
    assert_eq!(
        summary_of_stream(b"\xEF\xBB\xBFab\xff", Format::Lines),
        vec!["R s:Some(1):invalid UTF-8 at byte 5"]
    );
    // CRLF and BOM in Lines and Text formats.
    assert_eq!(
        summary_of_stream(b"\xEF\xBB\xBFone\r\n\r\ntwo\r\n", Format::Lines),
        vec!["D s:1=one", "D s:3=two"]
    );
    assert_eq!(
        summary_of_stream(b"\xEF\xBB\xBFbody\r\n", Format::Text),
        vec!["D s=body\r\n"]
    );
}

const JSONL: &[u8] =
    b"{\"id\":\"a\",\"text\":\"alpha\"}\n{\"id\":2,\"text\":\"beta\"}\n{\"text\":\"gamma\"}\n";

#[test]
fn compressed_jsonl_matches_plain() {
    let dir = TempDir::new().unwrap();
    let plain = write(dir.path(), "x.jsonl", JSONL);
    let gz = write(dir.path(), "x.jsonl.gz", &gzip(JSONL));
    let zst = write(dir.path(), "x.jsonl.zst", &zstd_bytes(JSONL));
    // Compression is detected by content, whatever the suffix.
    let odd = write(dir.path(), "x.ndjson", &zstd_bytes(JSONL));
    // Fallback ids embed the path; reduce them to a marker so files can be compared.
    let ids = |path: &Path, items: &[Item]| -> Vec<String> {
        let shown = format!("{}:", path.display());
        summary(items)
            .into_iter()
            .map(|s| s.replace(&shown, "X:"))
            .collect()
    };
    let expected = ids(
        &plain,
        &read_all(std::slice::from_ref(&plain), InputOptions::default()),
    );
    assert_eq!(expected, vec!["D a=alpha", "D 2=beta", "D X:3=gamma"]);
    for path in [gz, zst, odd] {
        let items = read_all(std::slice::from_ref(&path), InputOptions::default());
        assert_eq!(ids(&path, &items), expected, "{}", path.display());
        // `bytes` are uncompressed sizes.
        let total: u64 = items
            .iter()
            .map(|i| match i {
                Item::Doc(d) => d.bytes,
                Item::Rejected(r) => r.bytes,
            })
            .sum();
        assert_eq!(total, JSONL.len() as u64);
    }
}

#[test]
fn concatenated_gzip_members() {
    let mut data = gzip(b"{\"text\":\"one\"}\n");
    data.extend(gzip(b"{\"text\":\"two\"}\n"));
    assert_eq!(
        summary_of_stream(&data, Format::Jsonl),
        vec!["D s:1=one", "D s:2=two"]
    );
}

#[test]
fn compressed_text_files() {
    let dir = TempDir::new().unwrap();
    let gz = write(dir.path(), "story.txt.gz", &gzip("Über news\n".as_bytes()));
    let zst = write(dir.path(), "story.txt.zst", &zstd_bytes(b"zstd news"));
    let items = read_all(&[gz.clone(), zst.clone()], InputOptions::default());
    assert_eq!(
        items,
        vec![
            Item::Doc(Document {
                id: gz.display().to_string(),
                title: None,
                text: "Über news\n".into(),
                date: None,
                bytes: 11,
            }),
            Item::Doc(Document {
                id: zst.display().to_string(),
                title: None,
                text: "zstd news".into(),
                date: None,
                bytes: 9,
            }),
        ]
    );
}

#[test]
fn truncated_compressed_streams() {
    let mut data = Vec::new();
    // Enough data for several zstd blocks (128 KiB each), so a cut leaves whole blocks.
    for i in 0..20_000 {
        data.extend_from_slice(
            format!("{{\"id\":{i},\"text\":\"record number {i}\"}}\n").as_bytes(),
        );
    }
    let dir = TempDir::new().unwrap();
    for (name, packed) in [
        ("t.jsonl.gz", gzip(&data)),
        ("t.jsonl.zst", zstd_bytes(&data)),
    ] {
        let cut = &packed[..packed.len() * 2 / 3];
        let path = write(dir.path(), name, cut);
        let other = write(
            dir.path(),
            "after.jsonl",
            b"{\"id\":\"z\",\"text\":\"next file\"}\n",
        );
        let items = read_all(&[path.clone(), other], InputOptions::default());
        let (last, rest) = items.split_last().unwrap();
        assert_eq!(summary(std::slice::from_ref(last)), vec!["D z=next file"]);
        let (rejected, docs) = rest.split_last().unwrap();
        assert!(docs.len() > 100, "{name}: only {} docs", docs.len());
        for (i, item) in docs.iter().enumerate() {
            match item {
                Item::Doc(d) => assert_eq!(d.id, i.to_string()),
                other => panic!("{name}: unexpected {other:?}"),
            }
        }
        match rejected {
            Item::Rejected(r) => {
                assert_eq!(r.source, path.display().to_string());
                assert_eq!(r.line, Some(docs.len() as u64 + 1), "{name}");
                let codec = &name[name.len() - 3..];
                let prefix = if codec == ".gz" { "gzip: " } else { "zstd: " };
                assert!(r.reason.starts_with(prefix), "{name}: {}", r.reason);
            }
            other => panic!("{name}: expected rejection, got {other:?}"),
        }
    }
}

#[test]
fn truncated_gzip_text_file() {
    let dir = TempDir::new().unwrap();
    let packed = gzip(&b"line\n".repeat(5000));
    let path = write(dir.path(), "t.txt.gz", &packed[..packed.len() / 2]);
    let items = read_all(&[path], InputOptions::default());
    assert_eq!(items.len(), 1);
    match &items[0] {
        Item::Rejected(r) => {
            assert!(r.reason.starts_with("gzip: "), "{}", r.reason);
            assert!(r.line.is_some());
        }
        other => panic!("expected rejection, got {other:?}"),
    }
}

#[test]
fn folder_walk_order_and_hidden() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"B");
    write(root, "a.txt", b"A");
    write(root, "C.txt", b"C");
    write(root, ".hidden.txt", b"H");
    write(root, ".git/config.txt", b"G");
    write(root, "sub/z.txt", b"Z");
    write(root, "sub/y.jsonl", b"{\"id\":\"y1\",\"text\":\"Y\"}\n");
    write(root, "sub/deeper/x.txt", b"X");
    write(root, "a0/first.txt", b"F");
    write(root, "README.md", b"not an article");
    write(root, "sub/make.py", b"print()");
    let items = read_all(&[root.to_path_buf()], InputOptions::default());
    let texts: Vec<String> = items
        .iter()
        .map(|i| match i {
            Item::Doc(d) => d.text.clone(),
            Item::Rejected(r) => panic!("unexpected {r:?}"),
        })
        .collect();
    assert_eq!(texts, vec!["C", "A", "F", "B", "X", "Y", "Z"]);
    let Item::Doc(first) = &items[0] else {
        unreachable!()
    };
    assert_eq!(first.id, root.join("C.txt").display().to_string());
    let reader = Reader::new(&[root.to_path_buf()], InputOptions::default());
    let expected_size = 1 + 1 + 1 + 1 + 1 + 1 + 23;
    assert_eq!(reader.size_hint(), Some(expected_size));
    assert_eq!(reader.bytes_read(), 0);
    let mut reader = reader;
    for _ in reader.by_ref() {}
    assert_eq!(reader.bytes_read(), expected_size);
}

#[test]
fn a_duplicate_id_is_rejected_unless_asked_not_to() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", b"A");
    let j = write(
        dir.path(),
        "j.jsonl",
        b"{\"id\":1,\"text\":\"x\"}\n{\"id\":1,\"text\":\"y\"}\n",
    );
    let got = summary(&read_all(
        &[a.clone(), j.clone(), a.clone()],
        opts(Format::Auto),
    ));
    let (a, j) = (a.display(), j.display());
    assert_eq!(
        got,
        [
            format!("D {a}=A"),
            "D 1=x".to_owned(),
            format!("R {j}:Some(2):duplicate id `1`, first read at {j}:1"),
            format!("R {a}:None:duplicate id `{a}`, first read at {a}"),
        ]
    );
    let all = InputOptions {
        unique_ids: false,
        ..InputOptions::default()
    };
    let data = b"{\"id\":1,\"text\":\"x\"}\n{\"id\":1,\"text\":\"y\"}\n";
    assert_eq!(summary(&read_stream("s", data, all)), ["D 1=x", "D 1=y"]);
}

#[cfg(unix)]
#[test]
fn symlinked_file_followed() {
    let dir = TempDir::new().unwrap();
    let target = write(dir.path(), "outside/t.txt", b"linked");
    let root = dir.path().join("root");
    fs::create_dir_all(&root).unwrap();
    std::os::unix::fs::symlink(&target, root.join("l.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("m.txt")).unwrap();
    let items = read_all(std::slice::from_ref(&root), InputOptions::default());
    let got = summary(&items);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].ends_with("l.txt=linked"), "{got:?}");
    assert!(got[1].contains("m.txt:None:cannot read: "), "{got:?}");
}

#[test]
fn missing_path_rejected_others_read() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.jsonl");
    let good = write(dir.path(), "good.txt", b"fine");
    let reader = Reader::new(&[missing.clone(), good.clone()], InputOptions::default());
    assert_eq!(reader.size_hint(), Some(4));
    let items: Vec<Item> = reader.collect();
    assert_eq!(
        items,
        vec![
            Item::Rejected(Rejected {
                source: missing.display().to_string(),
                line: None,
                reason: "cannot read: No such file or directory (os error 2)".into(),
                record: String::new(),
                bytes: 0,
            }),
            Item::Doc(Document {
                id: good.display().to_string(),
                title: None,
                text: "fine".into(),
                date: None,
                bytes: 4,
            }),
        ]
    );
}

#[test]
fn text_file_table() {
    // (content, expected summary with the file id written as @)
    let cases: &[(&[u8], &str)] = &[
        (b"", "D @="),
        (
            b"plain article\nsecond line",
            "D @=plain article\nsecond line",
        ),
        (b"\xEF\xBB\xBFwith bom", "D @=with bom"),
        (
            b"ab\ncd\nx\x00y",
            "R @:Some(3):binary file (NUL byte at offset 7)",
        ),
        (b"\x00", "R @:Some(1):binary file (NUL byte at offset 0)"),
        (b"ok\nok\n\xe9t\xe9", "R @:Some(3):invalid UTF-8 at byte 6"),
        (b"\xEF\xBB\xBF\n\xff", "R @:Some(2):invalid UTF-8 at byte 4"),
    ];
    let dir = TempDir::new().unwrap();
    for (i, (content, expected)) in cases.iter().enumerate() {
        let path = write(dir.path(), &format!("{i}.txt"), content);
        let shown = path.display().to_string();
        let got = summary(&read_all(&[path], InputOptions::default()));
        assert_eq!(got, vec![expected.replace('@', &shown)], "case {i}");
    }
}

#[test]
fn binary_text_stops_early() {
    // A large binary file is rejected at its first chunk without loading it whole.
    let mut data = vec![b'a'; 10];
    data.push(0);
    data.extend(vec![7u8; 1 << 20]);
    let items = read_stream("bin", &data, opts(Format::Text));
    match &items[..] {
        [Item::Rejected(r)] => {
            assert_eq!(r.reason, "binary file (NUL byte at offset 10)");
            assert!(r.bytes < data.len() as u64);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lines_format_ids() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "l.txt", b"first\n\n  \nfourth\r\nlast");
    let shown = path.display().to_string();
    let got = summary(&read_all(&[path], opts(Format::Lines)));
    assert_eq!(
        got,
        vec![
            format!("D {shown}:1=first"),
            format!("D {shown}:4=fourth"),
            format!("D {shown}:5=last"),
        ]
    );
    // Stdin ids are just the line number.
    let items = read_stream("<stdin>", b"a\nb\n", opts(Format::Lines));
    assert_eq!(summary(&items), vec!["D 1=a", "D 2=b"]);
}

#[test]
fn auto_detection_by_name() {
    let cases: &[(&str, Option<Format>)] = &[
        ("a.jsonl", Some(Format::Jsonl)),
        ("a.NDJSON", Some(Format::Jsonl)),
        ("a.jsonl.gz", Some(Format::Jsonl)),
        ("a.ndjson.zst", Some(Format::Jsonl)),
        ("a.jsonl.zstd", Some(Format::Jsonl)),
        ("a.txt", Some(Format::Text)),
        ("a.txt.gz", Some(Format::Text)),
        ("a.json", None),
        ("jsonl", Some(Format::Text)),
        ("a.gz", Some(Format::Text)),
        ("noext", Some(Format::Text)),
    ];
    for (name, expected) in cases {
        assert_eq!(format_from_name(Path::new(name)), *expected, "{name}");
    }
    // End to end: the same JSON line is a record in .jsonl and an article in .txt.
    let dir = TempDir::new().unwrap();
    let line = b"{\"id\":\"j\",\"text\":\"t\"}\n";
    let j = write(dir.path(), "d.jsonl", line);
    let t = write(dir.path(), "d.txt", line);
    let items = normalized(read_all(&[j, t.clone()], InputOptions::default()));
    assert_eq!(
        items,
        vec![
            Item::Doc(doc("j", "t")),
            Item::Doc(doc(
                &t.display().to_string(),
                "{\"id\":\"j\",\"text\":\"t\"}\n"
            )),
        ]
    );
    // A forced format overrides the name.
    let jt = write(dir.path(), "e.txt", line);
    assert_eq!(
        summary(&read_all(&[jt], opts(Format::Jsonl))),
        vec!["D j=t"]
    );
}

#[test]
fn from_reader_sniffs_format() {
    let o = InputOptions::default;
    // '{' first (after whitespace and a BOM) => JSONL.
    let items = read_stream(
        "<stdin>",
        b"\n  {\"text\":\"a\"}\n{\"id\":9,\"text\":\"b\"}\n",
        o(),
    );
    assert_eq!(summary(&items), vec!["D 2=a", "D 9=b"]);
    let items = read_stream("<stdin>", b"\xEF\xBB\xBF{\"text\":\"a\"}", o());
    assert_eq!(summary(&items), vec!["D 1=a"]);
    // Anything else => one text article with id "-".
    let items = read_stream("<stdin>", b"  Plain news {not json}\n", o());
    assert_eq!(summary(&items), vec!["D -=  Plain news {not json}\n"]);
    // Empty stdin is one empty article, not an error.
    let items = read_stream("<stdin>", b"", o());
    assert_eq!(summary(&items), vec!["D -="]);
    // Compressed stdin is sniffed after decompression.
    let items = read_stream("<stdin>", &gzip(JSONL), o());
    assert_eq!(summary(&items), vec!["D a=alpha", "D 2=beta", "D 3=gamma"]);
    // Other stream names are used for ids and sources.
    let items = read_stream("feed", b"{\"text\":\"x\"}\n[", o());
    assert_eq!(
        summary(&items),
        vec![
            "D feed:1=x",
            "R feed:Some(2):invalid JSON: EOF while parsing a list at column 1"
        ]
    );
    let mut reader = Reader::from_reader("<stdin>", Box::new(Cursor::new(b"abc".to_vec())), o());
    assert_eq!(reader.size_hint(), None);
    assert!(reader.next().is_some());
    assert_eq!(reader.bytes_read(), 3);
}

#[test]
fn stdin_listed_twice_is_rejected() {
    let paths = [PathBuf::from("-"), PathBuf::from("-")];
    let reader = Reader::new(&paths, InputOptions::default());
    assert_eq!(reader.size_hint(), None);
    // Only inspect the queue: actually reading would consume the test runner's stdin.
    assert!(matches!(reader.queue[0], Entry::Stream(_)));
    match &reader.queue[1] {
        Entry::Rejected(r) => assert_eq!(r.reason, "stdin given more than once"),
        _ => panic!("expected a rejection"),
    }
}

#[test]
fn overlong_line_rejected_and_skipped() {
    let mut data = b"{\"text\":\"a\"}\n{\"text\":\"".to_vec();
    data.extend(vec![b'x'; 50_000]);
    data.extend_from_slice(b"\"}\n{\"text\":\"b\"}\n");
    let mut reader = Reader::from_reader("s", Box::new(Cursor::new(data)), opts(Format::Jsonl));
    reader.max_record = 1000;
    let items: Vec<Item> = reader.collect();
    assert_eq!(
        summary(&items),
        vec![
            "D s:1=a",
            "R s:Some(2):line too long (over 1000 bytes)",
            "D s:3=b"
        ]
    );
    if let Item::Rejected(r) = &items[1] {
        assert_eq!(r.bytes, 9 + 50_000 + 3);
        assert_eq!(r.record.chars().count(), MAX_RECORD_CHARS + 1);
        assert!(r.record.ends_with('…'));
    }
}

#[test]
fn reader_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Reader>();
}

/// Yields `chunk` `times` times without holding more than one copy, so the input is big
/// but the test itself uses no memory and spends no time generating.
struct Repeat {
    chunk: Vec<u8>,
    times: usize,
    pos: usize,
}

impl Read for Repeat {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.chunk.len() {
            if self.times == 0 {
                return Ok(0);
            }
            self.times -= 1;
            self.pos = 0;
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn streams_a_million_lines() {
    let mut chunk = Vec::new();
    // Without ids: each record gets its line as its id, which the repeats do not repeat.
    for i in 0..1000 {
        chunk.extend_from_slice(format!("{{\"n\":{i},\"text\":\"x\"}}\n").as_bytes());
    }
    let total = chunk.len() as u64 * 1000;
    let source = Repeat {
        pos: chunk.len(),
        chunk,
        times: 1000,
    };
    let reader = Reader::from_reader("big", Box::new(source), opts(Format::Jsonl));
    let (mut docs, mut bytes) = (0u64, 0u64);
    for item in reader {
        match item {
            Item::Doc(d) => {
                docs += 1;
                bytes += d.bytes;
            }
            Item::Rejected(r) => panic!("{r:?}"),
        }
    }
    assert_eq!(docs, 1_000_000);
    assert_eq!(bytes, total);
}
