//! CSV rows as RFC 4180 and the csv crate's default writer have them, appended to a byte buffer:
//! the renderers build a document's rows in memory, field by field, without a writer per row.

/// Appends one CSV row: a field is quoted when it holds a comma, a quote or a line break, with its
/// quotes doubled; rows end in `\n`.
pub(super) fn csv_row(out: &mut Vec<u8>, fields: &[&str]) {
    if let [only] = fields {
        if only.is_empty() {
            // A lone empty field would read back as an empty line, that is no record.
            out.extend_from_slice(b"\"\"\n");
            return;
        }
    }
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, f);
    }
    out.push(b'\n');
}

/// Whether a field must be quoted: it holds a comma, a quote, a line feed or a carriage return.
#[inline]
fn needs_quotes(b: &[u8]) -> bool {
    b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r'))
}

/// Appends one field (no separator), quoted when it must be.
#[inline]
pub(super) fn push_field(out: &mut Vec<u8>, f: &str) {
    push_field_bytes(out, f.as_bytes());
}

/// Appends the bytes of one field, as [`push_field`] does.
#[inline]
pub(super) fn push_field_bytes(out: &mut Vec<u8>, b: &[u8]) {
    if needs_quotes(b) {
        push_quoted(out, b);
    } else {
        out.extend_from_slice(b);
    }
}

/// Appends a field in quotes with its quotes doubled; rare, so kept out of the callers' loops.
#[cold]
#[inline(never)]
fn push_quoted(out: &mut Vec<u8>, b: &[u8]) {
    out.push(b'"');
    for (k, part) in b.split(|&c| c == b'"').enumerate() {
        if k > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part);
    }
    out.push(b'"');
}

/// Appends a number and a comma; digits never need quotes.
#[inline]
pub(super) fn push_num(out: &mut Vec<u8>, num: &mut itoa::Buffer, n: impl itoa::Integer) {
    out.extend_from_slice(num.format(n).as_bytes());
    out.push(b',');
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// What the csv crate writes for a row.
    pub(in crate::output) fn csv_crate(row: &[&str]) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(row).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let rows: &[&[&str]] = &[
            &["a", "b", ""],
            &["comma, inside", "\"quoted\"", "line\nbreak", "cr\rhere"],
            &["Côte d’Ivoire", "", "' single", " spaced "],
            &[""],
            &["", ""],
            &["\"", ",", "\r\n"],
            &[
                "\"Eight or more",
                "twelve bytes,",
                "sixteen bytes\n!!",
                "Côte d’Ivoire\r",
            ],
        ];
        for row in rows {
            let mut ours = Vec::new();
            csv_row(&mut ours, row);
            assert_eq!(String::from_utf8(ours).unwrap(), csv_crate(row), "{row:?}");
        }
    }

    #[test]
    fn numbers_end_in_a_comma() {
        let mut num = itoa::Buffer::new();
        for n in [0u64, 9, 10, 12_345, u64::MAX] {
            let mut out = b"x".to_vec();
            push_num(&mut out, &mut num, n);
            assert_eq!(out, format!("x{n},").as_bytes());
        }
    }
}
