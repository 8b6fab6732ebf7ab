//! Release statistics computed from a real Linux git repository, the way relstat does.
