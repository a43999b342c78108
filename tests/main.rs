//! The one integration-test binary: command line, sentence cases, samples
//! against gold, offset invariants, properties.

mod cases;
mod cli;
mod common;
mod dates;
mod encodings;
mod gazetteer;
mod golden;
mod officials;
mod offsets;
mod places;
mod properties;
