//! Helpers for end-to-end tests: run the real binary in a temp dir, parse its CSV.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsner"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs newsner with `args` (and `stdin`, if given) in `dir`.
pub fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_env(dir, args, stdin, &[])
}

/// Like [`run`], with environment variables set.
pub fn run_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut c = bin();
    c.envs(env.iter().copied());
    c.current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn newsner");
    if let Some(input) = stdin {
        let mut s = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = s.write_all(&input);
        });
    }
    child.wait_with_output().expect("wait for newsner")
}

/// Parses CSV output into rows of column -> value.
pub fn rows(out: &[u8]) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(out);
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// (text, canonical name) of every mention.
pub fn mentions(out: &[u8]) -> BTreeSet<(String, String)> {
    rows(out)
        .into_iter()
        .map(|r| (r["text"].replace('\n', " "), r["name"].clone()))
        .collect()
}

/// Unordered pairs of canonical names.
pub fn pairs(out: &[u8]) -> BTreeSet<(String, String)> {
    rows(out)
        .into_iter()
        .map(|r| {
            let (a, b) = (r["source_name"].clone(), r["target_name"].clone());
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The mention rows newsner writes for `text`, run on stdin with the default gazetteer.
pub fn extracted(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    rows(&out.stdout)
}

/// The (text, name) of every place newsner finds in `text`, run with the default gazetteer.
pub fn places(text: &str) -> BTreeSet<(String, String)> {
    extracted(text)
        .into_iter()
        .filter(|r| r["type"] == "place")
        .map(|r| (r["text"].clone(), r["name"].clone()))
        .collect()
}

/// Asserts that `found` (as [`places`] gives it) holds every (text, name) pair of `want`.
pub fn assert_has(found: &BTreeSet<(String, String)>, want: &[(&str, &str)]) {
    for &(text, name) in want {
        assert!(
            found.contains(&(text.to_string(), name.to_string())),
            "{:?} not in {found:?}",
            (text, name)
        );
    }
}

/// A set of (text, name) pairs, to compare with [`places`].
pub fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(t, n)| (t.to_string(), n.to_string()))
        .collect()
}
