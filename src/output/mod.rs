//! Output: mentions, co-mentions and the corpus network as CSV (RFC 4180, header first) or
//! JSON lines. Rows of a document are rendered into bytes by the worker that extracted it, so the
//! single writer thread only copies bytes in input order.

mod csv;
mod documents;
mod mentions;
mod network;
mod pairs;
#[cfg(test)]
mod tests;

pub use documents::{render_document, DOCUMENT_COLUMNS};
pub use mentions::{render_mentions, EntityColumns, GEO_COLUMNS, MENTION_COLUMNS};
pub use network::{DocNetwork, Network};
pub use pairs::{pair_columns, render_pairs};

use crate::input::Rejected;
use serde::Serialize;
use std::io::{self, Write};

/// How records are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header line (unless switched off).
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Columns of the rejects table.
pub const REJECT_COLUMNS: &[&str] = &["source", "line", "reason", "record"];

/// Writes a CSV header (nothing for JSON lines, whose keys name themselves).
pub fn write_header(w: &mut dyn Write, format: Format, columns: &[&str]) -> io::Result<()> {
    if format == Format::Csv {
        let mut row = Vec::new();
        csv::csv_row(&mut row, columns);
        w.write_all(&row)?;
    }
    Ok(())
}

/// Writes records as CSV rows or JSON lines.
enum Render<W: Write> {
    /// The writer and a row buffer.
    Csv(W, Vec<u8>),
    Jsonl(W),
}

impl Render<Vec<u8>> {
    /// A renderer into memory, which cannot fail.
    fn new(format: Format) -> Self {
        match format {
            // Rows go straight into the output buffer.
            Format::Csv => Render::Csv(Vec::new(), Vec::new()),
            Format::Jsonl => Render::Jsonl(Vec::new()),
        }
    }

    fn row<T: Serialize>(&mut self, fields: &[&str], record: &T) {
        match self {
            Render::Csv(out, _) => csv::csv_row(out, fields),
            Render::Jsonl(_) => self.write(fields, record).expect("write to memory"),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Render::Csv(v, _) | Render::Jsonl(v) => v,
        }
    }
}

impl<W: Write> Render<W> {
    fn to(format: Format, w: W) -> Self {
        match format {
            Format::Csv => Render::Csv(w, Vec::new()),
            Format::Jsonl => Render::Jsonl(w),
        }
    }

    fn write<T: Serialize>(&mut self, fields: &[&str], record: &T) -> io::Result<()> {
        match self {
            Render::Csv(w, row) => {
                row.clear();
                csv::csv_row(row, fields);
                w.write_all(row)
            }
            Render::Jsonl(w) => {
                serde_json::to_writer(&mut *w, record)?;
                w.write_all(b"\n")
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Render::Csv(w, _) | Render::Jsonl(w) => w.flush(),
        }
    }
}

/// Renders one rejected record.
pub fn render_reject(rej: &Rejected, format: Format) -> Vec<u8> {
    #[derive(Serialize)]
    struct Row<'a> {
        source: &'a str,
        line: Option<u64>,
        reason: &'a str,
        record: &'a str,
    }
    let line = rej.line.map(|l| l.to_string()).unwrap_or_default();
    let row = Row {
        source: &rej.source,
        line: rej.line,
        reason: &rej.reason,
        record: &rej.record,
    };
    let mut r = Render::new(format);
    r.row(&[&rej.source, &line, &rej.reason, &rej.record], &row);
    r.finish()
}
