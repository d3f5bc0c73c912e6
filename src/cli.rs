//! Flags of the `newsner` binary, and the step from validated flags to a configured run.
//! Everything that does work lives in the library; this file only wires it up.

use crate::comentions::Window;
use crate::gazetteer::{cache, snapshot};
use crate::input::{Fields, Format as InputFormat, InputOptions, Reader};
use crate::output::Format;
use crate::pipeline::{self, Outputs, RunOptions};
use crate::report::{Report, ReportOptions};
use crate::{Extractor, Gazetteer, GazetteerBuilder};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod guard;

const ABOUT: &str = "Find the people, groups and places named in news articles.

newsner reads articles (text files, folders, JSONL dumps, .gz/.zst/.xz/.bz2, or stdin), finds
every person, group and place its gazetteers list, under one canonical name each (the English Wikipedia title),
and writes CSV: one row per mention, one row per pair of entities named in the same sentence, or
the whole who-appears-with-whom network for Gephi.";

const EXAMPLES: &str = "Examples:
  newsner extract samples/                          mentions of every article in a folder
  echo 'Putin met Erdogan in Ankara.' | newsner extract
  newsner comentions dump.jsonl.zst -o pairs.csv    who is named with whom, per sentence
  newsner network dump.jsonl -o net/                nodes.csv and edges.csv for Gephi
  newsner all dump.jsonl.gz -o out/                 all four tables in one pass
  newsner report dump.jsonl -o report.html          one HTML file to look through in a browser
  newsner extract --gazetteer mine.tsv --no-default-gazetteer articles/

Offsets (start, end) are Unicode code points into the field (text or title), end exclusive:
in Python, text[start:end] == the text column. Exit status: 0 ok, 2 on errors or rejected
input records (all good records are still processed; see --rejects).

The default gazetteer is compiled on first use and kept in $NEWSNER_CACHE (default
$XDG_CACHE_HOME/newsner or ~/.cache/newsner; NEWSNER_CACHE=off to switch off), so later runs start
in milliseconds.";

#[derive(Parser, Debug)]
#[command(name = "newsner", version, about = ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// One row per mention: doc_id,entity_id,name,type,start,end,text,sentence,paragraph,field,match,role,list
    /// (and country,lat,lon with --geo)
    Extract(RunArgs),
    /// One row per pair of entities named in the same window:
    /// doc_id,sentence,source_id,source_name,target_id,target_name,source_type,target_type
    Comentions(RunArgs),
    /// The corpus network: nodes.csv (Id,Label,type,mentions,documents,country,Latitude,Longitude)
    /// and edges.csv (Source,Target,Type,Weight,documents) in the folder given by -o, ready for
    /// Gephi (and its Geo Layout)
    Network(RunArgs),
    /// All of mentions.csv, comentions.csv, nodes.csv, edges.csv and documents.csv
    /// (doc_id,title,chars,mentions,people,groups,places,focus_country,focus_place) into the
    /// folder given by -o, in one pass over the input
    All(RunArgs),
    /// One HTML file to read the results in a browser, offline: an overview, a table of entities,
    /// the articles with their mentions highlighted, and the co-mention network (-o FILE)
    Report(ReportArgs),
    /// Measure speed on your input: gazetteer load time, MB/s, documents/s, mentions/s and peak
    /// memory for each thread count, side by side with a bare aho-corasick scan of the same aliases
    Bench(BenchArgs),
    /// Check a gazetteer for shared, weak or redundant aliases (`check`), count its entities and
    /// aliases per type (`stats`), or compile it once for fast loading (`compile`)
    Gazetteer(GazetteerArgs),
}

const CHECK_ABOUT: &str = "Check gazetteers before using them: everything that stops them from loading, and aliases that \
will tag the wrong entity or fire less often than you expect.

Prints CSV to stdout (severity,file,line,id,message), errors first, then by file and line; a
summary goes to stderr. Exit status: 0 if no errors (warnings allowed), 1 if any error, 2 if the
check itself could not run.";

const CHECK_FINDINGS: &str = "What the findings mean, and what to do:
  error    file:line problems (missing column, duplicate id, bad type, alias without a letter):
           the gazetteer does not load; fix the line.
  error    type conflict: one alias names entities of different types (a person and a place)
           whose prominences are within 20, so only context can tell them apart and often
           cannot. Drop the alias from the entity that rarely goes by it, or set their
           prominences more than 20 apart so the usual meaning wins.
  error    an alias of 1 character: it fires on initials and list markers. Remove it.
  warning  type conflict with a clear leader: the more prominent entity wins unless the
           article points to the other. Fine if that is the usual meaning.
  warning  alias shared by entities of one type (\"Georgia\"): other names in the article
           decide, else prominence. Check the prominences.
  warning  a one-word alias that is a common word (\"Nice\", \"March\"): it fires only with
           evidence (a country next to it, a preposition of place). Add a longer alias if
           mentions are missed.
  warning  a one-word place alias that is a given name or surname (\"Jackson\"): dropped where
           it reads as a person's name; a small place needs evidence.
  warning  an alias that repeats the name or another alias once case, diacritics, hyphens and
           spaces are ignored: it adds nothing; remove it.

Examples:
  newsner gazetteer check --gazetteer mine.tsv --no-default-gazetteer
  newsner gazetteer check --gazetteer mine.tsv --errors-only   mine against the default";

const STATS_ABOUT: &str = "Count entities and aliases per type: CSV to stdout (type,entities,aliases), person, group and \
place first. `aliases` counts names plus listed aliases as written in the files, before spelling \
variants are generated. On stderr: the time to build the compiled gazetteer, the number of \
compiled aliases (variants included) and peak memory.";

#[derive(Args, Debug)]
struct GazetteerArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(Subcommand, Debug)]
enum GazetteerCommand {
    /// List problems: errors (exit status 1) and warnings, as CSV
    #[command(long_about = CHECK_ABOUT, after_long_help = CHECK_FINDINGS)]
    Check(CheckArgs),
    /// Entities and aliases per type, as CSV; build time, compiled aliases and memory on stderr
    #[command(long_about = STATS_ABOUT)]
    Stats(GazetteerSource),
    /// Compile gazetteers once into a file that later runs load instead of rebuilding them
    #[command(long_about = COMPILE_ABOUT)]
    Compile(CompileArgs),
}

const COMPILE_ABOUT: &str = "Compile gazetteers once into one file that `--gazetteer FILE` loads \
instead of rebuilding them from TSV: a 5-million-alias gazetteer takes half a minute to build and \
about a second and a half to load. The file holds the default gazetteer too, unless --no-default-gazetteer, and the \
spelling variants unless --no-variants; give it alone to --gazetteer. It is tied to this version of \
newsner: compile again after upgrading.

The default gazetteer alone needs no compiling: newsner compiles it on first use and keeps it in \
$NEWSNER_CACHE (default: $XDG_CACHE_HOME/newsner or ~/.cache/newsner; NEWSNER_CACHE=off switches \
the cache off).

Example:
  newsner gazetteer compile --gazetteer geonames/ -o world.nsg
  newsner extract --gazetteer world.nsg articles.jsonl.zst > mentions.csv";

#[derive(Args, Debug)]
struct CompileArgs {
    #[command(flatten)]
    source: GazetteerSource,

    /// Do not generate spellings nor surname references (see `newsner extract --help`)
    #[arg(long)]
    no_variants: bool,

    /// The compiled file to write
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

/// Which gazetteers to look at; the same flags as the other commands.
#[derive(Args, Debug)]
struct GazetteerSource {
    /// Add a gazetteer TSV file, or every .tsv under a folder (repeatable). Columns: id, name, type,
    /// aliases (|-separated), then optional prominence, country, ...
    #[arg(short, long, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,

    /// Do not load the default gazetteer compiled into newsner (check only your files)
    #[arg(long)]
    no_default_gazetteer: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    source: GazetteerSource,

    /// Print only errors (the summary still counts warnings)
    #[arg(long)]
    errors_only: bool,
}

#[derive(Args, Debug)]
struct BenchArgs {
    /// Files or folders to read (loaded into memory first, so disk speed does not count)
    paths: Vec<PathBuf>,
    /// Add a gazetteer TSV file or folder (repeatable), or a compiled gazetteer (alone)
    #[arg(short, long, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,
    /// Do not load the default gazetteer
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Thread counts to measure, comma-separated
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Rounds: each measurement runs once per round, in turn with the others; the best time is
    /// reported, and the pipeline's ratio to the bare scan of each round
    #[arg(long, default_value_t = 3)]
    repeats: usize,
    /// Stop loading input after this many megabytes
    #[arg(long, default_value_t = 200)]
    max_mb: u64,
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Files or folders to read (folders recursively); `-` or nothing reads stdin
    paths: Vec<PathBuf>,

    /// Write to FILE instead of stdout (for `network` and `all`: a folder, created if needed)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Add a gazetteer TSV file, or every .tsv under a folder (repeatable). Columns: id, name, type,
    /// aliases (|-separated), then optional prominence, country, ... Or a file written by
    /// `newsner gazetteer compile`, given alone
    #[arg(short, long, value_name = "PATH")]
    gazetteer: Vec<PathBuf>,

    /// Do not load the default gazetteer compiled into newsner
    #[arg(long)]
    no_default_gazetteer: bool,

    /// Do not find names no gazetteer lists (people after titles, in credits and attributions;
    /// organisations by name patterns; acronyms defined in the text)
    #[arg(long)]
    no_discover: bool,

    /// Do not report the places named inside longer names ("Copenhagen" in "University of
    /// Copenhagen") besides the longer name: no two mentions overlap
    #[arg(long)]
    no_nested: bool,

    /// Do not generate spellings (Ahmed/Ahmad, al-/el-, Sergey/Sergei) nor surname references
    /// ("Sharaa" for Ahmed al-Sharaa); match only what the gazetteers list
    #[arg(long)]
    no_variants: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutFormat::Csv)]
    format: OutFormat,

    /// Leave out CSV headers (to concatenate outputs)
    #[arg(long)]
    no_header: bool,

    /// Add country,lat,lon to mentions: the entity's ISO 3166-1 alpha-2 country and its
    /// coordinates, from the gazetteer's country, lat and lon columns; empty where it has none
    /// (absent in JSONL)
    #[arg(long)]
    geo: bool,

    /// Keep only documents whose focus country is one of these codes (comma-separated, e.g.
    /// SY,RU): the country its places weigh most for, as in documents.csv of `newsner all`
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    country: Vec<String>,

    /// Co-mention window: pairs of entities named in the same sentence, paragraph or document
    #[arg(long, value_enum, default_value_t = WindowArg::Sentence)]
    window: WindowArg,

    /// Input format. auto: *.jsonl/*.ndjson (also compressed) are JSONL, other files are one article
    /// each; stdin is JSONL if it starts with `{`
    #[arg(long, value_enum, default_value_t = InFormat::Auto)]
    input_format: InFormat,

    /// JSONL field holding the document id
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// JSONL field holding the article text
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSONL field holding the title (processed too, reported with field=title)
    #[arg(long, default_value = "title", value_name = "NAME")]
    title_field: String,
    /// JSONL field holding the date
    #[arg(long, default_value = "date", value_name = "NAME")]
    date_field: String,

    /// Write rejected input records (source,line,reason,record) to FILE
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,

    /// Worker threads (default: one per core); output is identical for any number
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// No progress bar and no summary on stderr
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Args, Debug)]
struct ReportArgs {
    #[command(flatten)]
    run: RunArgs,

    /// Articles shown in full, chosen evenly over the input and the same on every run; counts,
    /// the entity table and the network cover all documents
    #[arg(long, value_name = "N", default_value_t = 200)]
    report_docs: usize,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutFormat {
    Csv,
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum WindowArg {
    Sentence,
    Paragraph,
    Document,
    /// people listed together in one sentence ("accompanied by A, B and C"): a delegation
    List,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum InFormat {
    Auto,
    Text,
    Lines,
    Jsonl,
}

/// Parses `args` and runs; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> Result<i32, String> {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(code);
        }
    };
    match cli.command {
        Command::Extract(a) => run_tables(a, Tables::Mentions),
        Command::Comentions(a) => run_tables(a, Tables::Comentions),
        Command::Network(a) => run_tables(a, Tables::Network),
        Command::All(a) => run_tables(a, Tables::All),
        Command::Report(a) => run_tables(a.run, Tables::Report(a.report_docs)),
        Command::Bench(a) => run_bench(a),
        Command::Gazetteer(a) => match a.command {
            GazetteerCommand::Check(c) => run_check(c),
            GazetteerCommand::Stats(s) => run_stats(s),
            GazetteerCommand::Compile(c) => run_compile(c),
        },
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tables {
    Mentions,
    Comentions,
    Network,
    All,
    /// The HTML report, showing this many articles.
    Report(usize),
}

fn create(path: &Path) -> Result<Box<dyn Write + Send>, String> {
    let f = File::create(path).map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
    let named = guard::Named::new(path.display().to_string(), f);
    Ok(Box::new(BufWriter::with_capacity(1 << 16, named)))
}

fn stdout() -> Box<dyn Write + Send> {
    let named = guard::Named::new("<stdout>".into(), io::stdout());
    Box::new(BufWriter::with_capacity(1 << 16, named))
}

/// The files a run writes, before any is created; `None` is stdout or a table not written.
#[derive(Default)]
struct OutputFiles {
    mentions: Option<PathBuf>,
    comentions: Option<PathBuf>,
    nodes: Option<PathBuf>,
    edges: Option<PathBuf>,
    documents: Option<PathBuf>,
    rejects: Option<PathBuf>,
    report: Option<PathBuf>,
}

impl OutputFiles {
    fn all(&self) -> Vec<&Path> {
        [
            &self.mentions,
            &self.comentions,
            &self.nodes,
            &self.edges,
            &self.documents,
            &self.rejects,
            &self.report,
        ]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
        .collect()
    }

    /// Creates the files; the table of `extract` or `comentions`, and the report, go to stdout
    /// without -o. The report's file is returned beside the tables, since the run writes it
    /// only at the end.
    #[allow(clippy::type_complexity)]
    fn open(
        self,
        tables: Tables,
    ) -> Result<(Outputs<'static>, Option<Box<dyn Write + Send>>), String> {
        let open = |p: Option<PathBuf>| p.map(|p| create(&p)).transpose();
        let or_stdout = |w: Option<Box<dyn Write + Send>>| Some(w.unwrap_or_else(stdout));
        let mut outputs = Outputs {
            mentions: open(self.mentions)?,
            comentions: open(self.comentions)?,
            nodes: open(self.nodes)?,
            edges: open(self.edges)?,
            documents: open(self.documents)?,
            rejects: open(self.rejects)?,
            ..Outputs::default()
        };
        let mut report = open(self.report)?;
        match tables {
            Tables::Mentions => outputs.mentions = or_stdout(outputs.mentions.take()),
            Tables::Comentions => outputs.comentions = or_stdout(outputs.comentions.take()),
            Tables::Report(_) => report = or_stdout(report.take()),
            Tables::Network | Tables::All => {}
        }
        Ok((outputs, report))
    }
}

fn run_tables(a: RunArgs, tables: Tables) -> Result<i32, String> {
    let format = match a.format {
        OutFormat::Csv => Format::Csv,
        OutFormat::Jsonl => Format::Jsonl,
    };
    let ext = match format {
        Format::Csv => "csv",
        Format::Jsonl => "jsonl",
    };
    let countries = country_codes(&a.country)?;
    // Outputs first: a bad -o should fail before the gazetteer is built, and before any file is
    // created, one that would overwrite an input or another output.
    let mut files = OutputFiles::default();
    match tables {
        Tables::Report(_) => files.report = a.output.clone().filter(|p| p.as_os_str() != "-"),
        Tables::Mentions | Tables::Comentions => {
            let file = a.output.clone().filter(|p| p.as_os_str() != "-");
            if tables == Tables::Mentions {
                files.mentions = file;
            } else {
                files.comentions = file;
            }
        }
        Tables::Network | Tables::All => {
            let dir = a
                .output
                .as_ref()
                .ok_or("this command writes several files: name a folder with -o DIR")?;
            if tables == Tables::All {
                files.mentions = Some(dir.join(format!("mentions.{ext}")));
                files.comentions = Some(dir.join(format!("comentions.{ext}")));
                files.documents = Some(dir.join(format!("documents.{ext}")));
            }
            files.nodes = Some(dir.join(format!("nodes.{ext}")));
            files.edges = Some(dir.join(format!("edges.{ext}")));
        }
    }
    files.rejects = a.rejects.clone();
    guard::refuse_clobbering(&files.all(), &a.paths)?;
    if let (Tables::Network | Tables::All, Some(dir)) = (tables, &a.output) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    }
    let (outputs, report_out) = files.open(tables)?;

    let gazetteer = load_gazetteer(&a.gazetteer, a.no_default_gazetteer, !a.no_variants)?;
    let extractor = Extractor::new(
        Arc::new(gazetteer),
        crate::ExtractOptions {
            discover: !a.no_discover,
            nested: !a.no_nested,
        },
    );

    let settings = report_settings(&a);
    let mut report = match tables {
        Tables::Report(articles) => Some(Report::new(
            extractor.gazetteer(),
            ReportOptions { articles, settings },
        )),
        _ => None,
    };

    let input = InputOptions {
        format: match a.input_format {
            InFormat::Auto => InputFormat::Auto,
            InFormat::Text => InputFormat::Text,
            InFormat::Lines => InputFormat::Lines,
            InFormat::Jsonl => InputFormat::Jsonl,
        },
        fields: Fields {
            id: a.id_field,
            text: a.text_field,
            title: a.title_field,
            date: a.date_field,
        },
        unique_ids: true,
    };
    let reader = Reader::new(&a.paths, input);
    for why in reader.skipped() {
        eprintln!("newsner: warning: {why}");
    }
    let show = !a.quiet;
    let opts = RunOptions {
        threads: guard::threads(a.threads),
        format,
        header: !a.no_header,
        window: match a.window {
            WindowArg::Sentence => Window::Sentence,
            WindowArg::Paragraph => Window::Paragraph,
            WindowArg::Document => Window::Document,
            WindowArg::List => Window::List,
        },
        progress: show && io::stderr().is_terminal(),
        size_hint: reader.size_hint(),
        report_rejects: true,
        geo: a.geo,
        countries,
        ..RunOptions::default()
    };
    // Bound again after `report`, which it borrows, so that it is dropped first.
    let mut outputs = outputs;
    if let Some(r) = report.as_mut() {
        outputs.extractions = Some(Box::new(|doc, x| r.add(doc, x)));
    }
    let summary = pipeline::run(reader, &extractor, &opts, outputs)
        .map_err(|e| format!("cannot write output {e}"))?;
    if let (Some(r), Some(mut w)) = (report, report_out) {
        r.write(&mut w, summary.rejected)
            .map_err(|e| format!("cannot write the report: {e}"))?;
    }
    if show && !summary.closed_early {
        eprintln!("newsner: {}", summary.line());
    }
    // The process ends here: freeing the gazetteer's tables one by one would take longer than
    // extracting a single article.
    std::mem::forget(extractor);
    Ok(if summary.rejected > 0 { 2 } else { 0 })
}

/// The settings of a run as the report's overview lists them.
fn report_settings(a: &RunArgs) -> Vec<(String, String)> {
    let list = |paths: &[PathBuf], none: &str| {
        if paths.is_empty() {
            none.to_string()
        } else {
            let names: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
            names.join(", ")
        }
    };
    let on = |b: bool| if b { "on" } else { "off" }.to_string();
    vec![
        ("input".into(), list(&a.paths, "stdin")),
        (
            "input format".into(),
            format!("{:?}", a.input_format).to_lowercase(),
        ),
        ("gazetteers".into(), list(&a.gazetteer, "none added")),
        ("default gazetteer".into(), on(!a.no_default_gazetteer)),
        ("discovery of unlisted names".into(), on(!a.no_discover)),
        ("places inside names".into(), on(!a.no_nested)),
        ("spelling variants".into(), on(!a.no_variants)),
    ]
}

/// The codes of `--country`, trimmed; an empty one is an error (a stray comma would otherwise
/// keep nothing without a word).
fn country_codes(given: &[String]) -> Result<Vec<String>, String> {
    given
        .iter()
        .map(|c| match c.trim() {
            "" => Err(format!(
                "--country {}: an empty country code; give ISO 3166-1 alpha-2 codes such as SY,RU",
                given.join(",")
            )),
            c => Ok(c.to_string()),
        })
        .collect()
}

fn run_bench(a: BenchArgs) -> Result<i32, String> {
    use crate::bench;
    let t = std::time::Instant::now();
    let gazetteer = load_gazetteer(&a.gazetteer, a.no_default_gazetteer, true)?;
    let build = t.elapsed().as_secs_f64();
    // The bare scan gets the aliases as the files list them.
    let mut gb = GazetteerBuilder::new();
    if !a.no_default_gazetteer {
        gb.add_default();
    }
    for p in a
        .gazetteer
        .iter()
        .filter(|p| !snapshot::is_snapshot_file(p))
    {
        gb.add_path(p);
    }
    let aliases = bench::alias_strings(&gb);
    if a.gazetteer.iter().any(|p| snapshot::is_snapshot_file(p)) {
        eprintln!(
            "newsner: note: a compiled gazetteer keeps no alias list, so the bare scans below \
             search only the TSV gazetteers given (and the default unless \
             --no-default-gazetteer); give the TSV files to compare like with like"
        );
    }
    let (entities, compiled) = (gazetteer.entities().len(), gazetteer.matcher().aliases());
    let extractor = Extractor::new(Arc::new(gazetteer), Default::default());
    let mut docs = Vec::new();
    let mut bytes = 0u64;
    // The same articles read several times over (to time longer runs) are so many documents.
    let input = InputOptions {
        unique_ids: false,
        ..InputOptions::default()
    };
    for item in Reader::new(&a.paths, input) {
        if let crate::input::Item::Doc(d) = item {
            bytes += d.text.len() as u64;
            docs.push(d);
            if bytes > a.max_mb * 1_000_000 {
                break;
            }
        }
    }
    println!("gazetteer: {entities} entities, {} aliases in the files, {compiled} compiled, loaded in {build:.3} s", aliases.len());
    println!(
        "input: {} documents, {:.1} MB of text",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{:<36} {:>7} {:>9} {:>9} {:>11} {:>12}",
        "run", "threads", "seconds", "MB/s", "docs/s", "found/s"
    );
    let results = bench::measure(&docs, &aliases, &extractor, &a.threads, a.repeats);
    for m in &results {
        println!(
            "{:<36} {:>7} {:>9.3} {:>9.1} {:>11.0} {:>12.0}",
            m.name,
            m.threads,
            m.seconds,
            m.mb_per_s(),
            m.documents as f64 / m.seconds,
            m.found as f64 / m.seconds
        );
    }
    let bare = results
        .iter()
        .filter(|m| m.name.starts_with("bare"))
        .map(|m| m.mb_per_s())
        .fold(0.0, f64::max);
    for m in results.iter().filter(|m| m.name.contains("pipeline")) {
        let ratios = bench::round_ratios(&results, m);
        let median = ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN);
        println!(
            "newsner pipeline, {} thread(s): {:.2}x the fastest bare scan (best against best); \
             per round {} (median {median:.2}x)",
            m.threads,
            m.mb_per_s() / bare,
            ratios
                .iter()
                .map(|r| format!("{r:.2}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if let Some(rss) = bench::peak_rss() {
        println!(
            "peak RSS: {:.0} MB (input held in memory included)",
            rss as f64 / 1e6
        );
    }
    Ok(0)
}

/// The gazetteer of a run: a compiled one (`newsner gazetteer compile`) given alone, or the
/// default (from the cache when it holds one) plus the user's TSV files.
fn load_gazetteer(
    paths: &[PathBuf],
    no_default: bool,
    generate: bool,
) -> Result<Gazetteer, String> {
    let compiled: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| snapshot::is_snapshot_file(p))
        .collect();
    if let Some(p) = compiled.first() {
        if paths.len() > 1 {
            return Err(format!(
                "{}: a compiled gazetteer holds everything it was compiled from; give it alone \
                 (or compile it again with the other files)",
                p.display()
            ));
        }
        if !generate {
            return Err(format!(
                "{}: --no-variants cannot apply to a compiled gazetteer; compile it with --no-variants",
                p.display()
            ));
        }
        let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        return Gazetteer::from_snapshot(&bytes).map_err(|e| format!("{}: {e}", p.display()));
    }
    if paths.is_empty() && !no_default {
        return cache::default_gazetteer(generate)
            .map(|(g, _)| g)
            .map_err(|e| format!("gazetteer errors:\n{e}"));
    }
    let mut gb = gazetteer_builder(paths, no_default)?;
    gb.generate_variants(generate);
    let g = gb.build_checked().map_err(gazetteer_errors)?;
    Ok(g)
}

/// The message of a gazetteer that cannot be used: its first errors, each `file:line: what`.
fn gazetteer_errors(e: crate::Errors) -> String {
    /// Errors listed in the message; `gazetteer check` lists them all.
    const SHOWN: usize = 20;
    let mut msg = if e.0.len() > SHOWN {
        format!(
            "gazetteer errors ({}; `newsner gazetteer check` lists them all):",
            e.0.len()
        )
    } else {
        "gazetteer errors:".to_string()
    };
    for x in e.0.iter().take(SHOWN) {
        msg.push_str(&format!("\n{x}"));
    }
    msg
}

fn run_compile(a: CompileArgs) -> Result<i32, String> {
    let t = std::time::Instant::now();
    let mut gb = gazetteer_builder(&a.source.gazetteer, a.source.no_default_gazetteer)?;
    gb.generate_variants(!a.no_variants);
    let g = gb.build_checked().map_err(gazetteer_errors)?;
    let bytes = g.to_snapshot();
    let out = &a.output;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    cache::write_atomically(dir, out, &bytes)
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    eprintln!(
        "newsner: {} entities, {} compiled aliases written to {} ({:.1} MB) in {:.2} s",
        g.entities().len(),
        g.matcher().aliases(),
        out.display(),
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    std::mem::forget(g);
    Ok(0)
}

/// The builder of TSV gazetteers: the default unless switched off, then the user's files, so that
/// a user's file is checked as it will be used. Compiled files are refused: they are not TSV.
fn gazetteer_builder(paths: &[PathBuf], no_default: bool) -> Result<GazetteerBuilder, String> {
    if no_default && paths.is_empty() {
        return Err("--no-default-gazetteer needs at least one --gazetteer PATH".into());
    }
    if let Some(p) = paths.iter().find(|p| snapshot::is_snapshot_file(p)) {
        return Err(format!(
            "{}: a compiled gazetteer; give the TSV files it was compiled from",
            p.display()
        ));
    }
    let mut gb = GazetteerBuilder::new();
    if !no_default {
        gb.add_default();
    }
    for p in paths {
        let before = (gb.rows().len(), gb.error_count());
        gb.add_path(p);
        // A file that adds nothing and reports nothing is most likely not what the user meant.
        if (gb.rows().len(), gb.error_count()) == before {
            eprintln!("newsner: warning: {}: no entities", p.display());
        }
    }
    Ok(gb)
}

fn run_check(a: CheckArgs) -> Result<i32, String> {
    use crate::gazetteer::lint::{self, Severity};
    use crate::lexicon::WordLists;
    let gb = gazetteer_builder(&a.source.gazetteer, a.source.no_default_gazetteer)?;
    // A file that cannot be read is not a finding about the gazetteer: the check did not run.
    if let Some(e) = gb.unreadable() {
        return Err(e.to_string());
    }
    let findings = lint::check(&gb, &WordLists::shipped());
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let mut w = csv::Writer::from_writer(stdout());
    let write = |w: &mut csv::Writer<_>| -> csv::Result<()> {
        w.write_record(["severity", "file", "line", "id", "message"])?;
        for f in &findings {
            if a.errors_only && f.severity != Severity::Error {
                continue;
            }
            let line = f.line.to_string();
            let sev = f.severity.to_string();
            w.write_record([sev.as_str(), &f.file, &line, &f.id, &f.message])?;
        }
        w.flush()?;
        Ok(())
    };
    if let Err(e) = write(&mut w) {
        // A closed pipe (`| head`) is the reader's choice, not a failure of the check.
        if !matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe) {
            return Err(format!("cannot write output <stdout>: {e}"));
        }
    }
    eprintln!(
        "newsner: {errors} errors, {} warnings",
        findings.len() - errors
    );
    Ok(if errors > 0 { 1 } else { 0 })
}

fn run_stats(a: GazetteerSource) -> Result<i32, String> {
    use crate::gazetteer::lint;
    let gb = gazetteer_builder(&a.gazetteer, a.no_default_gazetteer)?;
    let mut w = csv::Writer::from_writer(stdout());
    let write = |w: &mut csv::Writer<_>| -> csv::Result<()> {
        w.write_record(["type", "entities", "aliases"])?;
        for s in lint::stats(&gb) {
            w.write_record([s.kind, s.entities.to_string(), s.aliases.to_string()])?;
        }
        w.flush()?;
        Ok(())
    };
    write(&mut w).map_err(|e| format!("cannot write output: {e}"))?;
    drop(w);
    let t = std::time::Instant::now();
    let gazetteer = gb
        .build()
        .map_err(|e| format!("gazetteer errors (see `newsner gazetteer check`):\n{e}"))?;
    let build = t.elapsed().as_secs_f64();
    eprintln!(
        "newsner: {} entities built in {build:.3} s into {} compiled aliases (spelling variants and surnames included)",
        gazetteer.entities().len(),
        gazetteer.matcher().aliases()
    );
    if let Some(rss) = crate::bench::peak_rss() {
        eprintln!("newsner: peak memory {:.0} MB", rss as f64 / 1e6);
    }
    Ok(0)
}
