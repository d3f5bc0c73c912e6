//! The parallel pipeline: documents in batches -> rayon workers (extract, pair, render) -> one
//! writer thread that writes in input order, so the bytes out are the same whatever the number of
//! threads. Memory stays flat: at most a few batches are in flight.

use crate::comentions::{self, Window};
use crate::extract::{Extraction, Extractor};
use crate::gazetteer::Gazetteer;
use crate::geo;
use crate::input::{Document, Item, Rejected};
use crate::output::{self, DocNetwork, Format, Network};
use rayon::prelude::*;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::Instant;

/// Where the results go; each is optional, so one pass can write several tables.
#[derive(Default)]
pub struct Outputs<'a> {
    /// Mention rows.
    pub mentions: Option<Box<dyn Write + Send + 'a>>,
    /// Co-mention rows.
    pub comentions: Option<Box<dyn Write + Send + 'a>>,
    /// Network node table, written at the end.
    pub nodes: Option<Box<dyn Write + Send + 'a>>,
    /// Network edge table, written at the end.
    pub edges: Option<Box<dyn Write + Send + 'a>>,
    /// Document rows: size, counts and focus.
    pub documents: Option<Box<dyn Write + Send + 'a>>,
    /// Rejected records.
    pub rejects: Option<Box<dyn Write + Send + 'a>>,
    /// Called with each document and its extraction, in input order, on the writer thread (for
    /// a consumer that needs more than rows, such as the HTML report).
    pub extractions: Option<Box<dyn FnMut(Document, Extraction) + Send + 'a>>,
}

/// How a run behaves.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// CSV or JSON lines.
    pub format: Format,
    /// Write CSV headers.
    pub header: bool,
    /// Co-mention window.
    pub window: Window,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Total input size, for the progress bar's ETA.
    pub size_hint: Option<u64>,
    /// Print a line on stderr for each rejected record (up to a limit).
    pub report_rejects: bool,
    /// A batch ends after this many documents...
    pub batch_docs: usize,
    /// ...or this many bytes.
    pub batch_bytes: u64,
    /// Add each entity's country and coordinates to mention rows.
    pub geo: bool,
    /// Keep only documents whose focus country ([`crate::focus`]) has one of these codes
    /// (compared without case); empty keeps all.
    pub countries: Vec<String>,
}

/// Documents per batch by default: enough to spread over the workers, little enough to start
/// writing soon.
const BATCH_DOCS: usize = 1024;

/// Bytes per batch by default, so a batch of long documents stays small in memory.
const BATCH_BYTES: u64 = 8 << 20;

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: 0,
            format: Format::Csv,
            header: true,
            window: Window::Sentence,
            progress: false,
            size_hint: None,
            report_rejects: true,
            batch_docs: BATCH_DOCS,
            batch_bytes: BATCH_BYTES,
            geo: false,
            countries: Vec::new(),
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Documents processed.
    pub documents: u64,
    /// Input bytes (uncompressed) of processed and rejected records.
    pub bytes: u64,
    /// Mentions found.
    pub mentions: u64,
    /// Co-mention pairs found.
    pub pairs: u64,
    /// Whether pairs were computed at all (not for mentions alone).
    pub pairs_counted: bool,
    /// Records rejected.
    pub rejected: u64,
    /// Windows that gave no pairs for holding too many entities.
    pub windows_skipped: u64,
    /// Documents left out for their focus country ([`RunOptions::countries`]); not counted in
    /// [`Summary::documents`].
    pub filtered: u64,
    /// Wall time.
    pub seconds: f64,
    /// The reader of the output went away (`| head`); the run stopped early, which is not an error.
    pub closed_early: bool,
}

impl Summary {
    /// The one-line summary printed on stderr.
    pub fn line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let pairs = if self.pairs_counted {
            format!("{} pairs, ", self.pairs)
        } else {
            String::new()
        };
        let mut s = format!(
            "{} documents, {:.1} MB, {} mentions, {pairs}{} rejected, {:.2} s, {:.1} MB/s",
            self.documents,
            mb,
            self.mentions,
            self.rejected,
            self.seconds,
            mb / self.seconds.max(1e-9)
        );
        if self.windows_skipped > 0 {
            s += &format!(
                ", {} windows with more than {} entities gave no pairs",
                self.windows_skipped,
                comentions::MAX_ENTITIES_PER_WINDOW
            );
        }
        if self.filtered > 0 {
            s += &format!(
                ", {} documents left out for their focus country",
                self.filtered
            );
        }
        s
    }
}

/// The results of one item, rendered by a worker.
enum Done {
    Doc {
        bytes: u64,
        mentions: u64,
        pairs: u64,
        skipped: u32,
        mention_rows: Vec<u8>,
        pair_rows: Vec<u8>,
        document_row: Vec<u8>,
        network: Option<DocNetwork>,
        kept: Option<Box<(Document, Extraction)>>,
    },
    /// A document left out for its focus country.
    Filtered {
        bytes: u64,
    },
    Rejected(Rejected),
}

/// Stop printing rejected records on stderr after this many; the summary counts them all.
const MAX_REPORTED_REJECTS: u64 = 50;

/// Whether an error is the reader of the output going away (`| head`).
fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Batches queued between the stages (reader -> workers -> writer): enough to keep every stage
/// busy, few enough to keep memory flat.
const BATCHES_IN_FLIGHT: usize = 2;

/// Runs the pipeline over `items` and writes to `outputs`.
///
/// Ids are taken as given: a [`Reader`](crate::Reader) refuses a repeated id unless told not
/// to, but items built by the caller are not checked, and an article passed twice counts twice
/// in the network.
///
/// Returns an error only when an output cannot be written (a closed pipe is not an error: it ends
/// the run early and sets [`Summary::closed_early`]).
pub fn run<I>(
    items: I,
    ex: &Extractor,
    opts: &RunOptions,
    mut outputs: Outputs<'_>,
) -> io::Result<Summary>
where
    I: Iterator<Item = Item> + Send,
{
    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(io::Error::other)?;
    if opts.header {
        if let Err(e) = write_headers(&mut outputs, opts) {
            return closed_or_err(e, start);
        }
    }
    let worker = Worker::new(ex, opts, &outputs);
    let want_network = worker.want_network;
    let stop = AtomicBool::new(false);
    let progress = opts.progress.then(|| progress_bar(opts.size_hint));
    let summary = std::thread::scope(|s| -> io::Result<Summary> {
        let (batch_tx, batch_rx) = sync_channel::<Vec<Item>>(BATCHES_IN_FLIGHT);
        let (done_tx, done_rx) = sync_channel::<Vec<Done>>(BATCHES_IN_FLIGHT);
        let stop = &stop;
        s.spawn(move || send_batches(items, opts, stop, batch_tx));
        let outputs = &mut outputs;
        let progress = progress.as_ref();
        let writer = s.spawn(move || -> io::Result<Summary> {
            let mut sum = Summary::default();
            let mut network = want_network.then(Network::default);
            if let Err(e) =
                write_batches(done_rx, outputs, network.as_mut(), &mut sum, opts, progress)
            {
                stop.store(true, Ordering::Relaxed);
                if is_broken_pipe(&e) {
                    sum.closed_early = true;
                    return Ok(sum);
                }
                return Err(e);
            }
            finish(network, ex.gazetteer(), outputs, opts, &mut sum)?;
            Ok(sum)
        });
        for batch in batch_rx {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let done: Vec<Done> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|i| worker.process_caught(i))
                    .collect()
            });
            if done_tx.send(done).is_err() {
                break;
            }
        }
        drop(done_tx);
        writer.join().expect("writer thread panicked")
    })?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok(Summary {
        seconds: start.elapsed().as_secs_f64(),
        pairs_counted: worker.want_pairs,
        ..summary
    })
}

/// Runs `work` for the document `id` of `bytes` bytes; a panic in it becomes a rejected record
/// with the panic's message (the panic hook has already printed where it happened).
fn caught(id: &str, bytes: u64, work: impl FnOnce() -> Done) -> Done {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(done) => done,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Done::Rejected(Rejected {
                source: id.to_string(),
                line: None,
                reason: format!("internal error, please report it: {what}"),
                record: String::new(),
                bytes,
            })
        }
    }
}

/// Writes the CSV headers of the tables written row by row.
fn write_headers(outputs: &mut Outputs<'_>, opts: &RunOptions) -> io::Result<()> {
    let format = opts.format;
    if let Some(w) = outputs.mentions.as_mut() {
        let geo = if opts.geo { output::GEO_COLUMNS } else { &[] };
        output::write_header(w, format, &[output::MENTION_COLUMNS, geo].concat())?;
    }
    if let Some(w) = outputs.documents.as_mut() {
        output::write_header(w, format, output::DOCUMENT_COLUMNS)?;
    }
    if let Some(w) = outputs.comentions.as_mut() {
        output::write_header(w, format, &output::pair_columns(opts.window))?;
    }
    if let Some(w) = outputs.rejects.as_mut() {
        output::write_header(w, format, output::REJECT_COLUMNS)?;
    }
    Ok(())
}

/// What a worker does with one item: extract, pair and render what the outputs ask for.
struct Worker<'a> {
    ex: &'a Extractor,
    opts: &'a RunOptions,
    /// Entity columns shared by the workers of the run.
    columns: output::EntityColumns,
    want_mentions: bool,
    want_pairs: bool,
    want_network: bool,
    want_extractions: bool,
    want_documents: bool,
}

impl<'a> Worker<'a> {
    fn new(ex: &'a Extractor, opts: &'a RunOptions, outputs: &Outputs<'_>) -> Worker<'a> {
        let want_mentions = outputs.mentions.is_some();
        let want_network = outputs.nodes.is_some() || outputs.edges.is_some();
        let columns = if want_mentions && opts.format == Format::Csv {
            output::EntityColumns::new(ex.gazetteer())
        } else {
            output::EntityColumns::default()
        };
        Worker {
            ex,
            opts,
            columns,
            want_mentions,
            want_pairs: outputs.comentions.is_some() || want_network,
            want_network,
            want_extractions: outputs.extractions.is_some(),
            want_documents: outputs.documents.is_some(),
        }
    }

    /// [`Self::process`], with a panic (a bug) turned into a rejected record of the document:
    /// one article then cannot end a run over millions, and the reject says which one it was.
    fn process_caught(&self, item: Item) -> Done {
        let Item::Doc(doc) = &item else {
            return self.process(item);
        };
        let (id, bytes) = (doc.id.clone(), doc.bytes);
        caught(&id, bytes, || self.process(item))
    }

    fn process(&self, item: Item) -> Done {
        let doc = match item {
            Item::Rejected(r) => return Done::Rejected(r),
            Item::Doc(doc) => doc,
        };
        let (g, format) = (self.ex.gazetteer(), self.opts.format);
        let x = self.ex.extract(&doc);
        let focus = (self.want_documents || !self.opts.countries.is_empty())
            .then(|| geo::focus(g, &doc.text, &x.mentions))
            .flatten();
        if !self.keeps(focus) {
            return Done::Filtered { bytes: doc.bytes };
        }
        let pairs = if self.want_pairs {
            comentions::pairs(g, &x, self.opts.window)
        } else {
            Default::default()
        };
        let mention_rows = if self.want_mentions {
            let title = doc.title.as_deref();
            let text = &doc.text;
            let geo = self.opts.geo;
            output::render_mentions(g, &self.columns, &doc.id, &x, title, text, format, geo)
        } else {
            Vec::new()
        };
        let pair_rows = if self.want_pairs {
            output::render_pairs(g, &doc.id, &x, &pairs, self.opts.window, format)
        } else {
            Vec::new()
        };
        let document_row = if self.want_documents {
            output::render_document(g, &doc, &x, focus, format)
        } else {
            Vec::new()
        };
        Done::Doc {
            bytes: doc.bytes,
            mentions: x.mentions.len() as u64,
            pairs: pairs.pairs.len() as u64,
            skipped: pairs.skipped,
            mention_rows,
            pair_rows,
            document_row,
            network: self.want_network.then(|| DocNetwork::new(g, &x, &pairs)),
            kept: self.want_extractions.then(|| Box::new((doc, x))),
        }
    }

    /// Whether a document with this focus passes the country filter.
    fn keeps(&self, focus: Option<geo::Focus<'_>>) -> bool {
        let countries = &self.opts.countries;
        countries.is_empty()
            || focus.is_some_and(|f| countries.iter().any(|c| c.eq_ignore_ascii_case(f.country)))
    }
}

/// Reads `items` into batches (of [`RunOptions::batch_docs`] documents or
/// [`RunOptions::batch_bytes`] bytes) and sends them on, until the items end or the run stops.
fn send_batches<I: Iterator<Item = Item>>(
    items: I,
    opts: &RunOptions,
    stop: &AtomicBool,
    batch_tx: SyncSender<Vec<Item>>,
) {
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    for item in items {
        bytes += match &item {
            Item::Doc(d) => d.bytes.max(d.text.len() as u64),
            Item::Rejected(r) => r.bytes,
        };
        batch.push(item);
        if batch.len() >= opts.batch_docs || bytes >= opts.batch_bytes {
            if stop.load(Ordering::Relaxed) || batch_tx.send(std::mem::take(&mut batch)).is_err() {
                return;
            }
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        let _ = batch_tx.send(batch);
    }
}

/// Writes the results of every batch in input order, counting them into `sum`.
fn write_batches(
    done_rx: Receiver<Vec<Done>>,
    outputs: &mut Outputs<'_>,
    mut network: Option<&mut Network>,
    sum: &mut Summary,
    opts: &RunOptions,
    progress: Option<&indicatif::ProgressBar>,
) -> io::Result<()> {
    for batch in done_rx {
        for done in batch {
            let net = network.as_deref_mut();
            write_done(done, outputs, net, sum, opts.format, opts.report_rejects)?;
        }
        if let Some(p) = progress {
            p.set_position(sum.bytes);
            p.set_message(format!("{} docs, {} mentions", sum.documents, sum.mentions));
        }
    }
    Ok(())
}

/// Writes the network tables and flushes every output; a closed pipe only marks the run as
/// closed early.
fn finish(
    network: Option<Network>,
    g: &Gazetteer,
    outputs: &mut Outputs<'_>,
    opts: &RunOptions,
    sum: &mut Summary,
) -> io::Result<()> {
    let mut closed = |res: io::Result<()>| match res {
        Err(e) if !is_broken_pipe(&e) => Err(e),
        Err(_) => {
            sum.closed_early = true;
            Ok(())
        }
        Ok(()) => Ok(()),
    };
    if let Some(net) = network {
        closed((|| {
            if let Some(w) = outputs.nodes.as_mut() {
                net.write_nodes(g, w, opts.format, opts.header)?;
            }
            if let Some(w) = outputs.edges.as_mut() {
                net.write_edges(w, opts.format, opts.header)?;
            }
            Ok(())
        })())?;
    }
    for w in [
        &mut outputs.mentions,
        &mut outputs.comentions,
        &mut outputs.nodes,
        &mut outputs.edges,
        &mut outputs.documents,
        &mut outputs.rejects,
    ]
    .into_iter()
    .flatten()
    {
        closed(w.flush())?;
    }
    Ok(())
}

/// The summary of a run that ended before it began (its output closed), or the error.
fn closed_or_err(e: io::Error, start: Instant) -> io::Result<Summary> {
    if is_broken_pipe(&e) {
        Ok(Summary {
            closed_early: true,
            seconds: start.elapsed().as_secs_f64(),
            ..Default::default()
        })
    } else {
        Err(e)
    }
}

/// Writes one item's results and counts them into `sum`.
fn write_done(
    done: Done,
    outputs: &mut Outputs<'_>,
    network: Option<&mut Network>,
    sum: &mut Summary,
    format: Format,
    report: bool,
) -> io::Result<()> {
    match done {
        Done::Doc {
            bytes,
            mentions,
            pairs,
            skipped,
            mention_rows,
            pair_rows,
            document_row,
            network: doc_net,
            kept,
        } => {
            sum.documents += 1;
            sum.bytes += bytes;
            sum.mentions += mentions;
            sum.pairs += pairs;
            sum.windows_skipped += skipped as u64;
            if let Some(w) = outputs.mentions.as_mut() {
                w.write_all(&mention_rows)?;
            }
            if let Some(w) = outputs.comentions.as_mut() {
                w.write_all(&pair_rows)?;
            }
            if let Some(w) = outputs.documents.as_mut() {
                w.write_all(&document_row)?;
            }
            if let (Some(n), Some(d)) = (network, doc_net) {
                n.add(d);
            }
            if let (Some(f), Some(k)) = (outputs.extractions.as_mut(), kept) {
                let (doc, x) = *k;
                f(doc, x);
            }
        }
        Done::Filtered { bytes } => {
            sum.filtered += 1;
            sum.bytes += bytes;
        }
        Done::Rejected(r) => {
            sum.rejected += 1;
            sum.bytes += r.bytes;
            if report && sum.rejected <= MAX_REPORTED_REJECTS {
                let at = r.line.map(|l| format!(":{l}")).unwrap_or_default();
                eprintln!("newsner: {}{at}: {}", r.source, r.reason);
                if sum.rejected == MAX_REPORTED_REJECTS {
                    eprintln!("newsner: further rejected records are counted but not shown here (see --rejects)");
                }
            }
            if let Some(w) = outputs.rejects.as_mut() {
                w.write_all(&output::render_reject(&r, format))?;
            }
        }
    }
    Ok(())
}

/// How often the progress bar redraws.
const PROGRESS_TICK: std::time::Duration = std::time::Duration::from_millis(200);

/// A progress bar on stderr: bytes against the total when it is known, else a spinner.
fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = match size {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("valid template"),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                .expect("valid template"),
        ),
    };
    bar.enable_steady_tick(PROGRESS_TICK);
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_processing_becomes_a_rejected_document() {
        let done = caught("doc-7", 42, || panic!("index out of range"));
        let Done::Rejected(r) = done else {
            panic!("not rejected");
        };
        assert_eq!(r.source, "doc-7");
        assert_eq!(r.bytes, 42);
        assert_eq!(
            r.reason,
            "internal error, please report it: index out of range"
        );
        let formatted = caught("doc-8", 1, || panic!("at byte {}", 3));
        assert!(matches!(formatted, Done::Rejected(r) if r.reason.ends_with("at byte 3")));
        let fine = caught("doc-9", 5, || Done::Filtered { bytes: 5 });
        assert!(matches!(fine, Done::Filtered { bytes: 5 }));
    }
}
