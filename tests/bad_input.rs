//! End-to-end tests of issue 18: a run never destroys its input, never merges two outputs into
//! one file, never silently drops or alters a record, and its messages name what went wrong.
//! One test per defect; each failed before its fix.

mod util;

use std::fs;
use util::*;

/// A small gazetteer of our own, so these tests do not build the default one.
const GAZ: &str = "id\tname\ttype\taliases\nAnkara\tAnkara\tplace\t\n";

fn dir_with_gazetteer() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.tsv"), GAZ).unwrap();
    dir
}

/// `extract` with our gazetteer and `extra` arguments.
fn extract<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "extract",
        "-q",
        "--gazetteer",
        "g.tsv",
        "--no-default-gazetteer",
    ];
    args.extend_from_slice(extra);
    args
}

const DOC: &str = "{\"id\":\"a\",\"text\":\"Flights to Ankara.\"}\n";

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = dir_with_gazetteer();
    fs::write(dir.path().join("x.jsonl"), DOC).unwrap();
    // Same file by another spelling, for -o and for --rejects.
    for extra in [
        &["x.jsonl", "-o", "./x.jsonl"][..],
        &["x.jsonl", "--rejects", "x/../x.jsonl"][..],
    ] {
        fs::create_dir_all(dir.path().join("x")).unwrap();
        let o = run(dir.path(), &extract(extra), None);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is also an input"),
            "{extra:?}: {}",
            stderr(&o)
        );
        assert_eq!(fs::read_to_string(dir.path().join("x.jsonl")).unwrap(), DOC);
    }
}

#[test]
fn output_inside_an_input_folder_is_refused() {
    let dir = dir_with_gazetteer();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/a.jsonl"), DOC).unwrap();
    let o = run(dir.path(), &extract(&["in", "-o", "in/out.jsonl"]), None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("inside the input folder"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("in/out.jsonl").exists());
    // A .csv in the folder is skipped by the walk, so writing it there is safe.
    let o = run(dir.path(), &extract(&["in", "-o", "in/out.csv"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn output_and_rejects_to_one_file_is_refused() {
    let dir = dir_with_gazetteer();
    fs::write(dir.path().join("x.jsonl"), DOC).unwrap();
    let o = run(
        dir.path(),
        &extract(&["x.jsonl", "-o", "f.csv", "--rejects", "./f.csv"]),
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("same file"), "{}", stderr(&o));
}

#[test]
fn a_huge_thread_count_is_capped_with_a_warning() {
    let dir = dir_with_gazetteer();
    let o = run(
        dir.path(),
        &extract(&["--threads", "100000"]),
        Some(DOC.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("--threads 100000"), "{}", stderr(&o));
    assert_eq!(rows(&o.stdout).len(), 1);
}

#[test]
fn numeric_ids_are_kept_as_written() {
    let dir = dir_with_gazetteer();
    let input = "{\"id\":123456789012345678901234567890,\"text\":\"Ankara\"}\n\
                 {\"id\":123456789012345678901234567891,\"text\":\"Ankara\"}\n\
                 {\"id\":1e3,\"text\":\"Ankara\"}\n\
                 {\"id\":-0.50,\"text\":\"Ankara\"}\n";
    let o = run(dir.path(), &extract(&[]), Some(input.as_bytes()));
    let ids: Vec<String> = rows(&o.stdout)
        .into_iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            "123456789012345678901234567890",
            "123456789012345678901234567891",
            "1e3",
            "-0.50"
        ]
    );
}

#[test]
fn rejected_records_are_kept_whole() {
    let dir = dir_with_gazetteer();
    let long = format!("{{\"id\":\"x\",\"body\":\"{}\"}}\n", "é".repeat(30_000));
    fs::write(dir.path().join("d.jsonl"), &long).unwrap();
    let o = run(
        dir.path(),
        &extract(&["d.jsonl", "--rejects", "rej.csv"]),
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let rej = rows(&fs::read(dir.path().join("rej.csv")).unwrap());
    assert_eq!(rej.len(), 1);
    assert_eq!(rej[0]["record"].trim_end(), long.trim_end());
}

#[test]
fn ndjson_named_json_is_read_as_jsonl() {
    let dir = dir_with_gazetteer();
    let three: String = ["a", "b", "c"]
        .map(|id| DOC.replace("\"a\"", &format!("\"{id}\"")))
        .concat();
    fs::write(dir.path().join("d.json"), three).unwrap();
    let o = run(dir.path(), &extract(&["d.json"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = rows(&o.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| &*r["doc_id"]).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(rows.iter().all(|r| r["start"] == "11"));
}

#[test]
fn a_damaged_compiled_gazetteer_is_refused() {
    let dir = dir_with_gazetteer();
    let o = run(
        dir.path(),
        &[
            "gazetteer",
            "compile",
            "--gazetteer",
            "g.tsv",
            "--no-default-gazetteer",
            "-o",
            "g.nsg",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut bytes = fs::read(dir.path().join("g.nsg")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(dir.path().join("g.nsg"), &bytes).unwrap();
    let o = run(
        dir.path(),
        &["extract", "-q", "--gazetteer", "g.nsg"],
        Some(DOC.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("checksum"), "{}", stderr(&o));
}

#[test]
fn a_failed_write_names_the_file() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let dir = dir_with_gazetteer();
    let o = run(
        dir.path(),
        &extract(&["-o", "/dev/full"]),
        Some(DOC.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot write output /dev/full"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        dir.path(),
        &[
            "gazetteer",
            "check",
            "--gazetteer",
            "missing.tsv",
            "--no-default-gazetteer",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn extract_refuses_a_gazetteer_that_check_rejects() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.tsv"),
        "id\tname\ttype\taliases\nAnkara\tAnkara\tplace\tA\n",
    )
    .unwrap();
    let check = run(
        dir.path(),
        &[
            "gazetteer",
            "check",
            "--gazetteer",
            "g.tsv",
            "--no-default-gazetteer",
        ],
        None,
    );
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let o = run(dir.path(), &extract(&[]), Some(DOC.as_bytes()));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn gazetteer_fields_beyond_the_header_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.tsv"),
        "id\tname\ttype\taliases\nAnkara\tAnkara\tplace\tAngora\tAnkyra\n",
    )
    .unwrap();
    let o = run(dir.path(), &extract(&[]), Some(DOC.as_bytes()));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("g.tsv:2: 5 fields"), "{}", stderr(&o));
}

#[test]
fn gazetteer_quotes_and_a_doubled_column_are_errors() {
    for (tsv, want) in [
        (
            "id\tname\ttype\taliases\n\"Ankara\"\t\"Ankara\"\tplace\t\n",
            "g.tsv:2: quoted field",
        ),
        (
            "id\tname\ttype\taliases\tname\nAnkara\tAnkara\tplace\t\tX\n",
            "g.tsv:1: column `name` appears twice",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("g.tsv"), tsv).unwrap();
        let o = run(dir.path(), &extract(&[]), Some(DOC.as_bytes()));
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(want), "{want}: {}", stderr(&o));
    }
}

#[test]
fn gazetteer_folders_read_upper_case_tsv_and_gzip() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("gz")).unwrap();
    fs::write(dir.path().join("gz/a.TSV"), GAZ).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, b"id\tname\ttype\taliases\nHamas\tHamas\tgroup\t\n")
        .unwrap();
    fs::write(dir.path().join("b.tsv.gz"), gz.finish().unwrap()).unwrap();
    let o = run(
        dir.path(),
        &[
            "extract",
            "-q",
            "-g",
            "gz",
            "-g",
            "b.tsv.gz",
            "--no-default-gazetteer",
        ],
        Some(b"Hamas in Ankara."),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = rows(&o.stdout)
        .into_iter()
        .map(|r| r["name"].clone())
        .collect();
    assert_eq!(names, ["Hamas", "Ankara"]);
}

#[test]
fn an_empty_gazetteer_is_warned_about() {
    let dir = dir_with_gazetteer();
    fs::write(dir.path().join("empty.tsv"), "id\tname\ttype\taliases\n").unwrap();
    let o = run(
        dir.path(),
        &extract(&["--gazetteer", "empty.tsv"]),
        Some(DOC.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: empty.tsv: no entities"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_duplicate_id_is_rejected_naming_the_first_and_counted_once() {
    let dir = dir_with_gazetteer();
    fs::write(dir.path().join("a.jsonl"), DOC).unwrap();
    let b = format!("{{\"id\":\"b\",\"text\":\"Ankara.\"}}\n{DOC}");
    fs::write(dir.path().join("b.jsonl"), &b).unwrap();
    let o = run(
        dir.path(),
        &[
            "network",
            "-q",
            "--gazetteer",
            "g.tsv",
            "--no-default-gazetteer",
            "a.jsonl",
            "b.jsonl",
            "-o",
            "net",
            "--rejects",
            "rej.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("b.jsonl:2: duplicate id `a`, first read at a.jsonl:1"),
        "{}",
        stderr(&o)
    );
    let nodes = rows(&fs::read(dir.path().join("net/nodes.csv")).unwrap());
    assert_eq!(nodes.len(), 1);
    assert_eq!(
        (&*nodes[0]["mentions"], &*nodes[0]["documents"]),
        ("2", "2")
    );
    // The later record is kept whole among the rejects.
    let rej = rows(&fs::read(dir.path().join("rej.csv")).unwrap());
    assert_eq!(rej.len(), 1);
    assert_eq!(rej[0]["record"].trim_end(), DOC.trim_end());
}

#[test]
fn a_bom_is_not_text_and_offsets_count_after_it() {
    let dir = dir_with_gazetteer();
    fs::write(dir.path().join("a.txt"), "\u{FEFF}Flights to Ankara.").unwrap();
    let o = run(dir.path(), &extract(&["a.txt"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = rows(&o.stdout);
    assert_eq!(rows.len(), 1);
    // "Flights to Ankara."[11..17] as Python's open(..., encoding="utf-8-sig") reads it.
    assert_eq!((&*rows[0]["start"], &*rows[0]["end"]), ("11", "17"));
}

#[cfg(unix)]
#[test]
fn a_walk_names_the_linked_folders_and_pipes_it_skips() {
    let dir = dir_with_gazetteer();
    fs::create_dir_all(dir.path().join("in")).unwrap();
    fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
    fs::write(dir.path().join("elsewhere/b.txt"), "Ankara").unwrap();
    fs::write(dir.path().join("in/a.txt"), "Ankara").unwrap();
    std::os::unix::fs::symlink("../elsewhere", dir.path().join("in/linked")).unwrap();
    let fifo = dir.path().join("in/pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let o = run(dir.path(), &extract(&["in"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(rows(&o.stdout).len(), 1);
    let err = stderr(&o);
    assert!(
        err.contains("warning: in/linked: a link to a folder, not followed"),
        "{err}"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            err.contains("warning: in/pipe.txt: not a regular file (a named pipe), skipped"),
            "{err}"
        );
    }
}

#[test]
fn gzip_with_trailing_garbage_says_so() {
    let dir = dir_with_gazetteer();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, DOC.as_bytes()).unwrap();
    let mut bytes = gz.finish().unwrap();
    bytes.extend_from_slice(b"\nnot gzip");
    fs::write(dir.path().join("d.jsonl.gz"), &bytes).unwrap();
    let o = run(dir.path(), &extract(&["d.jsonl.gz"]), None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(rows(&o.stdout).len(), 1, "the good record is still read");
    assert!(
        stderr(&o).contains("gzip: 9 bytes after the end of the compressed data"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_failed_cache_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // The rename fails: the target is a folder that holds a file.
    let target = dir.path().join("default.nsg");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("x"), "x").unwrap();
    let written = newsner::gazetteer_cache::write_atomically(dir.path(), &target, b"bytes");
    assert!(written.is_err());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["default.nsg"]);
}
