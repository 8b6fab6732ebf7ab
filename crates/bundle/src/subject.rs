//! Reads an entry heading: kind, patch version, series, tree, subsystems and authors.
