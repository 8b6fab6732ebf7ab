//! The subsystem mapping table (data/subsystems.tsv): prefixes and keywords to canonical ids.
