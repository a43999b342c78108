"""Check that the Spark job gives the same records as one vnpipe process.

Builds a JSONL corpus from corpora/samples (every bundled article, plus two
documents that vnpipe must answer with error records), runs it through
`vnpipe --input-format jsonl` once on its own and once through
vnpipe_job.py in Spark local mode with several partitions, and compares the
records document by document.

Two things differ by design and are left out of the comparison: a record's
`source.line` and the "line N: " that starts an error message count lines in
the stream one vnpipe process read, which under Spark is one partition.

    python examples/spark/check.py --vnpipe target/debug/vnpipe
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def corpus_lines(samples):
    """One JSONL line per sample article, then two documents with errors."""
    lines = []
    for path in sorted(samples.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        lines.append(json.dumps({"id": path.stem, "text": text}, ensure_ascii=False))
    lines.append(json.dumps({"id": "khong-co-van-ban", "title": "Không có trường text"}))
    lines.append(json.dumps({"id": "van-ban-la-so", "text": 2024}))
    return lines


def comparable(line):
    """A record as a dict, without what counts lines in its own stream."""
    record = json.loads(line)
    record["source"].pop("line", None)
    if record.get("error"):
        record["error"]["message"] = re.sub(r"^line \d+: ", "", record["error"]["message"])
    return record


def by_id(lines, what):
    records = {}
    for line in lines:
        record = comparable(line)
        if record["id"] in records:
            sys.exit(f"{what}: id {record['id']} appears twice")
        records[record["id"]] = record
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vnpipe", default=str(ROOT / "target" / "debug" / "vnpipe"))
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    vnpipe = str(pathlib.Path(args.vnpipe).resolve())

    with tempfile.TemporaryDirectory(prefix="vnpipe-spark-") as work:
        work = pathlib.Path(work)
        corpus = work / "corpus.jsonl"
        documents = corpus_lines(ROOT / "corpora" / "samples")
        corpus.write_text("\n".join(documents) + "\n", encoding="utf-8")

        # Standard input, as under Spark (a file would be named in source.path).
        single = subprocess.run(
            [vnpipe, "--quiet", "--input-format", "jsonl", "-"],
            input=corpus.read_bytes(), capture_output=True,
        )
        if single.returncode != 2:  # the two error documents make it 2
            sys.exit(f"vnpipe alone exited {single.returncode}: {single.stderr.decode()}")
        expected = by_id(single.stdout.decode("utf-8").splitlines(), "vnpipe alone")

        out = work / "records"
        subprocess.run(
            [sys.executable, str(HERE / "vnpipe_job.py"), str(corpus), str(out),
             "--vnpipe", vnpipe, "--partitions", str(args.partitions), "--master", "local[2]"],
            check=True,
        )
        parts = sorted(out.glob("part-*"))
        if len(parts) != args.partitions:
            sys.exit(f"expected {args.partitions} partitions, Spark wrote {len(parts)}")
        lines = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
        got = by_id(lines, "Spark")

    if len(expected) != len(documents):
        sys.exit(f"vnpipe alone: {len(documents)} documents but {len(expected)} records")
    if got.keys() != expected.keys():
        missing = sorted(expected.keys() - got.keys())
        extra = sorted(got.keys() - expected.keys())
        sys.exit(f"Spark records differ in ids: missing {missing}, extra {extra}")
    different = [id for id in expected if got[id] != expected[id]]
    if different:
        sys.exit(f"Spark records differ from vnpipe alone for: {different}")
    errors = sum(1 for record in got.values() if record["error"])
    print(f"spark: {len(got)} records identical to one vnpipe process "
          f"({errors} error records, {len(parts)} partitions)")


if __name__ == "__main__":
    main()
