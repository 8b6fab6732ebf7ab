//! Release statistics import: the shipped TSV and the text relstat.py prints.
