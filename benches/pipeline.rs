//! Throughput of the pipeline on the bundled samples, end to end and per stage.
//!
//! `cargo bench` (all), `cargo bench -- end_to_end` (one group). Each group
//! checks what it is about to time (sentence counts, normalised text) first,
//! so a broken stage cannot look fast.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_normalization::UnicodeNormalization;
use vnpipe::batch::{self, BatchOptions, Rendered};
use vnpipe::input::{Document, InputFormat, InputPath, Inputs, JsonlOptions};
use vnpipe::ner::admin::AdminUnits;
use vnpipe::ner::gazetteer::Gazetteer;
use vnpipe::ner::recognize;
use vnpipe::normalize::Normalizer;
use vnpipe::output::write_jsonl;
use vnpipe::segment::SentenceSplitter;
use vnpipe::token::Tokens;
use vnpipe::Pipeline;

// The allocator the binary uses (src/main.rs), so the figures match it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The samples, read once.
fn samples() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/samples");
    Inputs::new(
        vec![InputPath::Path(root)],
        InputFormat::Auto,
        JsonlOptions::default(),
    )
    .collect()
}

fn total_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn texts(docs: &[Document]) -> Vec<String> {
    docs.iter()
        .map(|d| String::from_utf8(d.content.clone().unwrap()).unwrap())
        .collect()
}

fn render(pipeline: &Pipeline, doc: &Document) -> Rendered {
    let record = pipeline.process(doc);
    let mut bytes = Vec::new();
    write_jsonl(&record, &mut bytes);
    Rendered {
        bytes,
        ok: record.error.is_none(),
        input_bytes: doc.len() as u64,
        sentences: record.sentences.len() as u64,
        ..Rendered::default()
    }
}

fn end_to_end(c: &mut Criterion) {
    let docs = samples();
    let pipeline = Pipeline::default();
    let expected_sentences: usize = docs
        .iter()
        .map(|d| pipeline.process(d).sentences.len())
        .sum();
    assert!(
        expected_sentences > 200,
        "the samples split into {expected_sentences} sentences"
    );

    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(total_bytes(&docs)));
    group.bench_function("process+jsonl, one thread, no batch", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for d in &docs {
                write_jsonl(&pipeline.process(d), &mut out);
            }
            black_box(out)
        })
    });
    for threads in [1, 2] {
        // 20 copies of the samples per iteration, so there is work to share.
        let many: Vec<Document> = (0..20).flat_map(|_| docs.iter().cloned()).collect();
        let options = BatchOptions {
            threads,
            ..BatchOptions::default()
        };
        group.throughput(Throughput::Bytes(total_bytes(&many)));
        group.bench_function(format!("batch, {threads} threads"), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                let summary = batch::run(
                    many.iter().cloned(),
                    |d: &Document| render(&pipeline, d),
                    &mut out,
                    &options,
                )
                .unwrap();
                assert_eq!(summary.sentences as usize, 20 * expected_sentences);
                black_box(out)
            })
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let docs = samples();
    let clean = texts(&docs);
    let nfd: Vec<String> = clean.iter().map(|t| t.nfd().collect()).collect();
    let normalizer = Normalizer::default();
    for (t, d) in clean.iter().zip(&nfd) {
        assert_eq!(normalizer.normalize(d).text, normalizer.normalize(t).text);
    }
    let bytes = |ts: &[String]| ts.iter().map(|t| t.len() as u64).sum::<u64>();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes(&clean)));
    group.bench_function("normalize clean NFC", |b| {
        b.iter(|| {
            for t in &clean {
                black_box(normalizer.normalize(t));
            }
        })
    });
    group.throughput(Throughput::Bytes(bytes(&nfd)));
    group.bench_function("normalize NFD", |b| {
        b.iter(|| {
            for t in &nfd {
                black_box(normalizer.normalize(t));
            }
        })
    });
    // What `vnpipe normalize` does per document: decode (with detection and the
    // mojibake check) and normalise.
    let pipeline = Pipeline::default();
    group.throughput(Throughput::Bytes(bytes(&clean)));
    group.bench_function("decode+normalize (vnpipe normalize), clean NFC", |b| {
        b.iter(|| {
            for t in &clean {
                black_box(pipeline.clean(t.as_bytes()).unwrap());
            }
        })
    });
    group.throughput(Throughput::Bytes(bytes(&nfd)));
    group.bench_function("decode+normalize (vnpipe normalize), NFD", |b| {
        b.iter(|| {
            for t in &nfd {
                black_box(pipeline.clean(t.as_bytes()).unwrap());
            }
        })
    });
    let splitter = SentenceSplitter::embedded();
    group.throughput(Throughput::Bytes(bytes(&clean)));
    group.throughput(Throughput::Bytes(bytes(&clean)));
    group.bench_function("split sentences", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for t in &clean {
                out.clear();
                splitter.split_into(t, &mut out);
                black_box(&out);
            }
        })
    });
    group.bench_function("tokenize with keys", |b| {
        let mut tokens = Tokens::default();
        b.iter(|| {
            for t in &clean {
                tokens.clear();
                tokens.tokenize(t, 0);
                black_box(tokens.len());
            }
        })
    });
    // Entities: tokenize, one automaton pass over place names, then places,
    // organisations, people, officials, dates and documents. The samples'
    // entities are counted first so the bench measures work that was done.
    let gazetteer = Gazetteer::embedded();
    let sentences: Vec<_> = clean.iter().map(|t| splitter.split(t)).collect();
    let found: usize = clean
        .iter()
        .zip(&sentences)
        .map(|(t, s)| recognize(gazetteer, t, s).mentions.len())
        .sum();
    assert!(found > 600, "{found} places");
    group.throughput(Throughput::Bytes(bytes(&clean)));
    group.bench_function("recognize entities", |b| {
        b.iter(|| {
            for (t, s) in clean.iter().zip(&sentences) {
                black_box(recognize(gazetteer, t, s));
            }
        })
    });
    // The stages in sequence, each row adding one: the differences are the
    // costs of assembling the record and of writing it as JSON.
    group.throughput(Throughput::Bytes(total_bytes(&docs)));
    group.bench_function("analyze: decode, normalize, split, recognize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(pipeline.analyze(d.content.as_ref().unwrap()).unwrap());
            }
        })
    });
    group.bench_function("process: analyze + assemble the record", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(pipeline.process(d));
            }
        })
    });
    group.bench_function("process + JSONL", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(render(&pipeline, d));
            }
        })
    });
    group.finish();

    // Building the gazetteer index once (what the first document pays).
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("parse admin_units.tsv and build the index", |b| {
        b.iter(|| {
            let units = AdminUnits::from_tsv(
                include_str!("../corpora/gazetteers/admin_units.tsv"),
                "admin_units.tsv",
            )
            .unwrap();
            black_box(Gazetteer::new(units).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, end_to_end, stages);
criterion_main!(benches);
