//! End-to-end tests: the real binary on real files, whole outputs compared.

mod util;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use util::*;

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The user's seed article (../shared/seed, present wherever CI runs): every required entity under
/// its canonical name and type, every expected pair, every offset exact.
#[test]
fn seed_article_entities_pairs_and_offsets() {
    let seed = root().join("../shared/seed");
    if !seed.exists() {
        eprintln!("skipped: {} not found", seed.display());
        return;
    }
    let art = seed.join("article.txt");
    let text = fs::read_to_string(&art).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", art.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = rows(&out.stdout);
    for r in &rows {
        let (s, e): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            r["text"],
            "offsets of {r:?}"
        );
    }
    let found: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["name"].clone(), r["type"].clone()))
        .collect();
    let mut expected = csv::Reader::from_path(seed.join("expected_entities.csv")).unwrap();
    for rec in expected.records() {
        let rec = rec.unwrap();
        if &rec[2] == "yes" {
            assert!(
                found.contains(&(rec[0].to_string(), rec[1].to_string())),
                "missing {} ({})",
                &rec[0],
                &rec[1]
            );
        }
    }
    let out = run(dir.path(), &["comentions", art.to_str().unwrap()], None);
    let have = pairs(&out.stdout);
    let mut expected = csv::Reader::from_path(seed.join("expected_comentions.csv")).unwrap();
    for rec in expected.records() {
        let rec = rec.unwrap();
        let (a, b) = (rec[0].to_string(), rec[1].to_string());
        let key = if a <= b { (a, b) } else { (b, a) };
        assert!(have.contains(&key), "missing pair {key:?}");
    }
}

/// Issue 4 on the seed: optional entities found too; the delegation carries its roles and one
/// list; every "Sharaa" is Ahmed al-Sharaa but Maher's.
#[test]
fn seed_article_roles_lists_and_sharaa() {
    let seed = root().join("../shared/seed");
    if !seed.exists() {
        eprintln!("skipped: {} not found", seed.display());
        return;
    }
    let art = seed.join("article.txt");
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", art.to_str().unwrap()], None);
    let rows = rows(&out.stdout);
    let names: BTreeSet<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    let mut expected = csv::Reader::from_path(seed.join("expected_entities.csv")).unwrap();
    for rec in expected.records() {
        let rec = rec.unwrap();
        assert!(names.contains(&rec[0]), "missing {}", &rec[0]);
    }
    let role = |name: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["name"] == name && !r["role"].is_empty())
            .map(|r| r["role"].clone())
            .collect()
    };
    assert!(role("Asaad al-Shaibani").contains(&"Foreign and Expatriates Minister".to_string()));
    assert!(role("Murhaf Abu Qasra").contains(&"Defense Minister Major General".to_string()));
    assert!(role("Hussein al-Salama").contains(&"General Intelligence Chief".to_string()));
    assert!(role("Maher al-Sharaa").contains(&"Presidency Secretary-General".to_string()));
    assert!(role("Alexander Novak").contains(&"Deputy Prime Minister".to_string()));
    for r in &rows {
        if r["text"].to_lowercase().contains("sharaa") {
            let want = if r["text"].starts_with("Maher") {
                "Maher al-Sharaa"
            } else {
                "Ahmed al-Sharaa"
            };
            assert_eq!(r["name"], want, "{:?}", r["text"]);
        }
    }
    let list = run(
        dir.path(),
        &["comentions", "--window", "list", art.to_str().unwrap()],
        None,
    );
    let got = pairs(&list.stdout);
    let members = [
        "Ahmed al-Sharaa",
        "Asaad al-Shaibani",
        "Murhaf Abu Qasra",
        "Hussein al-Salama",
        "Maher al-Sharaa",
    ];
    let mut want = BTreeSet::new();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            want.insert(if a <= b {
                (a.to_string(), b.to_string())
            } else {
                (b.to_string(), a.to_string())
            });
        }
    }
    assert_eq!(got, want, "the delegation, and nothing else, as one list");
}

#[test]
fn offsets_are_code_points_into_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ça va: Erdoğan’s aide met Putin in Ankara.";
    let out = run(dir.path(), &["extract"], Some(text.as_bytes()));
    assert!(out.status.success());
    let chars: Vec<char> = text.chars().collect();
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 3);
    for r in rows {
        let (s, e): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), r["text"]);
        assert_eq!(r["doc_id"], "-");
    }
}

#[test]
fn headers_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["extract"],
        Some(b"Putin met Erdogan in Ankara."),
    );
    let first = String::from_utf8(out.stdout).unwrap();
    assert!(first.starts_with(
        "doc_id,entity_id,name,type,start,end,text,sentence,paragraph,field,match,role,list\n"
    ));
    let out = run(
        dir.path(),
        &["comentions"],
        Some(b"Putin met Erdogan in Ankara."),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "doc_id,sentence,source_id,source_name,target_id,target_name,source_type,target_type\n"
    ));
    assert_eq!(text.lines().count(), 4, "{text}");
    let out = run(
        dir.path(),
        &["comentions", "--no-header"],
        Some(b"Putin met Erdogan in Ankara."),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn empty_input_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract"], Some(b""));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let out = run(dir.path(), &["extract", "empty.jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn jsonl_in_with_titles_and_jsonl_out() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("d.jsonl"),
        "{\"id\": \"a1\", \"title\": \"Putin meets Sharaa\", \"text\": \"The Kremlin said Putin hosted him in Moscow.\"}\n{\"id\": 7, \"text\": \"Nothing here.\"}\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["extract", "d.jsonl", "--format", "jsonl"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, String, u64)> = recs
        .iter()
        .map(|r| {
            (
                r["field"].as_str().unwrap().into(),
                r["text"].as_str().unwrap().into(),
                r["sentence"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("title", "Putin", 0),
        ("title", "Sharaa", 0),
        ("text", "Kremlin", 1),
        ("text", "Putin", 1),
        ("text", "Moscow", 1),
    ];
    let want: Vec<(String, String, u64)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
        .collect();
    assert_eq!(got, want);
    assert!(recs.iter().all(|r| r["doc_id"] == "a1"));
}

#[test]
fn gzip_and_zstd_read_like_plain() {
    let dir = tempfile::tempdir().unwrap();
    let body = "{\"id\":\"x\",\"text\":\"Putin flew to Ankara.\"}\n";
    fs::write(dir.path().join("p.jsonl"), body).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, body.as_bytes()).unwrap();
    fs::write(dir.path().join("p.jsonl.gz"), gz.finish().unwrap()).unwrap();
    fs::write(
        dir.path().join("p.jsonl.zst"),
        zstd::encode_all(body.as_bytes(), 3).unwrap(),
    )
    .unwrap();
    let plain = run(dir.path(), &["extract", "p.jsonl"], None).stdout;
    assert_eq!(
        run(dir.path(), &["extract", "p.jsonl.gz"], None).stdout,
        plain
    );
    assert_eq!(
        run(dir.path(), &["extract", "p.jsonl.zst"], None).stdout,
        plain
    );
    assert_eq!(mentions(&plain).len(), 2);
}

/// A JSONL dump built from the samples, each article many times with its own id.
fn dump(dir: &std::path::Path, copies: usize) -> std::path::PathBuf {
    let src = fs::read_to_string(root().join("tests/data/samples.jsonl")).unwrap();
    let mut out = String::new();
    for i in 0..copies {
        for (k, line) in src.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("d{i}-{k}").into();
            out += &v.to_string();
            out.push('\n');
        }
    }
    let p = dir.join("dump.jsonl");
    fs::write(&p, out).unwrap();
    p
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let p = dump(dir.path(), 400);
    let p = p.to_str().unwrap();
    for threads in ["1", "2", "4"] {
        let o = run(
            dir.path(),
            &["all", p, "-o", &format!("out{threads}"), "-j", threads],
            None,
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for f in ["mentions.csv", "comentions.csv", "nodes.csv", "edges.csv"] {
        let one = fs::read(dir.path().join("out1").join(f)).unwrap();
        assert!(one.len() > 1000, "{f} is too small");
        for t in ["2", "4"] {
            assert!(
                one == fs::read(dir.path().join(format!("out{t}")).join(f)).unwrap(),
                "{f} differs with -j {t}"
            );
        }
    }
}

#[test]
fn network_tables_are_gephi_ready() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Putin met Erdogan in Ankara. Putin left Ankara.\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.txt"), "Erdogan called Putin.").unwrap();
    let o = run(
        dir.path(),
        &["network", "a.txt", "b.txt", "-o", "net"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = fs::read_to_string(dir.path().join("net/nodes.csv")).unwrap();
    let edges = fs::read_to_string(dir.path().join("net/edges.csv")).unwrap();
    assert_eq!(
        nodes,
        "Id,Label,type,mentions,documents,country,Latitude,Longitude\nAnkara,Ankara,place,2,1,TR,39.91987,32.85427\nRecep_Tayyip_Erdoğan,Recep Tayyip Erdoğan,person,2,2,TR,,\nVladimir_Putin,Vladimir Putin,person,3,2,RU,,\n"
    );
    assert_eq!(
        edges,
        "Source,Target,Type,Weight,documents\nAnkara,Recep_Tayyip_Erdoğan,Undirected,1,1\nAnkara,Vladimir_Putin,Undirected,2,1\nRecep_Tayyip_Erdoğan,Vladimir_Putin,Undirected,2,2\n"
    );
}

#[test]
fn windows_paragraph_and_document() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"Putin spoke.\nErdogan listened. Ankara agreed.\n";
    let s = run(dir.path(), &["comentions"], Some(text));
    assert_eq!(rows(&s.stdout).len(), 0);
    let p = run(
        dir.path(),
        &["comentions", "--window", "paragraph"],
        Some(text),
    );
    let p = rows(&p.stdout);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["paragraph"], "1");
    let d = run(
        dir.path(),
        &["comentions", "--window", "document"],
        Some(text),
    );
    assert_eq!(rows(&d.stdout).len(), 3);
}

/// Every kind of bad record: a message naming file and line, exit status 2, the good records kept,
/// the bad ones in --rejects.
#[test]
fn bad_input_is_reported_and_nothing_good_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Vec::new();
    d.extend_from_slice(b"{\"id\":\"g1\",\"text\":\"Putin in Ankara.\"}\n");
    d.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"unterminated\n");
    d.extend_from_slice(b"{\"id\":\"g2\",\"text\":\"Putin in Ankara.\"}\n");
    d.extend_from_slice(b"{\"id\":\"notext\",\"body\":\"x\"}\n");
    d.extend_from_slice(b"{\"id\":\"g3\",\"text\":\"Putin in Ankara.\"}\n");
    d.extend_from_slice(b"{\"id\":\"utf\",\"text\":\"caf\xff\"}\n");
    d.extend_from_slice(b"{\"id\":\"num\",\"text\":42}\n");
    d.extend_from_slice(b"{\"id\":\"g4\",\"text\":\"Putin in Ankara.\"}\n");
    fs::write(dir.path().join("d.jsonl"), d).unwrap();
    fs::write(dir.path().join("bin.txt"), b"Putin\x00\x01\x02 in Ankara").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Putin in Ankara, caf\xe9").unwrap();
    fs::write(dir.path().join("good.txt"), "Putin in Ankara.").unwrap();
    let o = run(
        dir.path(),
        &[
            "extract",
            "d.jsonl",
            "bin.txt",
            "latin1.txt",
            "missing.txt",
            "good.txt",
            "--rejects",
            "rej.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for want in [
        "d.jsonl:2: invalid JSON",
        "d.jsonl:4: missing field `text`",
        "d.jsonl:6: invalid UTF-8",
        "d.jsonl:7: field `text` is not a string",
        "bin.txt:1: binary file",
        "latin1.txt:1: invalid UTF-8",
        "missing.txt: cannot read",
    ] {
        assert!(err.contains(want), "stderr lacks {want:?}:\n{err}");
    }
    assert!(
        err.contains("5 documents") && err.contains("7 rejected"),
        "{err}"
    );
    let ids: BTreeSet<String> = rows(&o.stdout)
        .into_iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    let want: BTreeSet<String> = ["g1", "g2", "g3", "g4", "good.txt"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(ids, want);
    let rej = rows(&fs::read(dir.path().join("rej.csv")).unwrap());
    assert_eq!(rej.len(), 7);
    assert_eq!(rej[0]["source"], "d.jsonl");
    assert_eq!(rej[0]["line"], "2");
    assert!(rej[0]["record"].contains("unterminated"));
}

#[test]
fn gazetteer_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.tsv"),
        "id\tname\ttype\taliases\nA\tAlpha\tperson\t\nA\tAlpha2\tperson\t\nB\t\tplace\t\n",
    )
    .unwrap();
    let o = run(
        dir.path(),
        &["extract", "--gazetteer", "g.tsv", "--no-default-gazetteer"],
        Some(b"Alpha"),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("g.tsv:3: duplicate id `A` (first at g.tsv:2)"),
        "{err}"
    );
    assert!(err.contains("g.tsv:4: empty name"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn user_gazetteer_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("g.tsv"),
        "id\tname\ttype\taliases\tprominence\nQ1\tAcme Corp\tgroup\tAcme\t5\n",
    )
    .unwrap();
    let o = run(
        dir.path(),
        &["extract", "-g", "g.tsv", "--no-default-gazetteer"],
        Some(b"Acme and Putin"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mentions(&o.stdout), set(&[("Acme", "Acme Corp")]));
}

/// `newsner extract big | head` ends quietly, without a panic, with status 0.
#[test]
fn closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dump(dir.path(), 200);
    let mut child = bin()
        .args(["extract", p.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut buf = [0u8; 100];
    out.read_exact(&mut buf).unwrap();
    drop(out);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn lines_mode_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        dir.path(),
        &["extract", "--input-format", "lines"],
        Some(b"Putin spoke.\n\nErdogan spoke.\n"),
    );
    let ids: Vec<String> = rows(&o.stdout)
        .into_iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(ids, ["1", "3"]);
    let h = run(dir.path(), &["--help"], None);
    assert!(h.status.success());
    assert!(String::from_utf8_lossy(&h.stdout).contains("Examples:"));
}
