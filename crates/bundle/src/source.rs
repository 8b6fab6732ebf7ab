//! Turning a post file's bytes into normalised text: BOM, CRLF, UTF-8 and emptiness checks.

use thiserror::Error;

/// Why a file's bytes are not a post's text. The message names no line: the
/// caller's diagnostic does, from [`Self::line`].
#[derive(Debug, Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("file is empty; expected front matter followed by entries")]
    Empty,
    #[error("invalid UTF-8 (byte 0x{byte:02x} at offset {offset}); expected UTF-8 text")]
    NotUtf8 { line: u32, offset: usize, byte: u8 },
}

impl SourceError {
    /// 1-based line of the file the problem is on, when it is on one.
    pub fn line(&self) -> Option<u32> {
        match self {
            SourceError::Empty => None,
            SourceError::NotUtf8 { line, .. } => Some(*line),
        }
    }
}

/// Decodes a post. Line numbers stay those of the file: only `\r` before `\n`
/// and a leading BOM are removed.
pub fn decode(bytes: &[u8]) -> Result<String, SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        SourceError::NotUtf8 {
            line: 1 + bytes[..offset].iter().filter(|b| **b == b'\n').count() as u32,
            offset,
            byte: bytes[offset],
        }
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let text = decode(b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n").unwrap();
        assert_eq!(text, "---\ntitle: x\n---\n");
    }

    #[test]
    fn whitespace_only_file_is_empty() {
        assert_eq!(decode(b" \n\n"), Err(SourceError::Empty));
        assert_eq!(decode(b""), Err(SourceError::Empty));
    }

    #[test]
    fn invalid_utf8_reports_its_line() {
        let err = decode(b"---\ntitle: x\n\xff\n").unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert_eq!(
            err.to_string(),
            "invalid UTF-8 (byte 0xff at offset 13); expected UTF-8 text"
        );
    }
}
