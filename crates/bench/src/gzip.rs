//! Gzip sizes (level 6, what web servers commonly use) of files and streams, without keeping the output.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;

/// A writer that keeps only the number of bytes written to it.
#[derive(Debug, Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Compresses pieces as one stream and counts what comes out.
pub struct GzipSize(GzEncoder<Counter>);

impl Default for GzipSize {
    fn default() -> Self {
        GzipSize(GzEncoder::new(Counter::default(), Compression::new(6)))
    }
}

impl GzipSize {
    /// Bytes already in memory; the benchmark itself streams files with [`GzipSize::add_file`].
    #[cfg(test)]
    pub fn add(&mut self, bytes: &[u8]) {
        self.0
            .write_all(bytes)
            .expect("writing to a counter never fails");
    }

    /// Streams a file in, without reading it whole into memory.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let mut f = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        io::copy(&mut f, &mut self.0).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(())
    }

    /// Compressed bytes, gzip header and trailer included.
    pub fn finish(self) -> u64 {
        self.0.finish().expect("writing to a counter never fails").0
    }
}

/// Gzip size of one file.
pub fn file_size(path: &Path) -> Result<u64> {
    let mut g = GzipSize::default();
    g.add_file(path)?;
    Ok(g.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetitive_text_compresses_to_a_small_fraction() {
        let mut g = GzipSize::default();
        for _ in 0..1000 {
            g.add(b"folio memcg reclaim ");
        }
        let size = g.finish();
        assert!(size > 18 && size < 1000, "{size}");
    }

    #[test]
    fn pieces_compress_like_their_concatenation() {
        let mut split = GzipSize::default();
        split.add(b"hello ");
        split.add(b"world");
        let mut whole = GzipSize::default();
        whole.add(b"hello world");
        assert_eq!(split.finish(), whole.finish());
    }
}
