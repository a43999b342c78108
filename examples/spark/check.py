"""Check that the Spark job gives the same records as one vnpipe process.

Builds a JSONL corpus from corpora/samples (every bundled article, lines
that are no JSON object among them, and two documents whose fields are
wrong: vnpipe answers each bad one with an error record), runs it through
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


# Lines that are no JSON object, each after one in ten articles: a byte-order
# mark, a no-break space and a vertical tab alone (Python's str.strip() takes
# them for blank lines, vnpipe does not: each gives an error record), and
# malformed JSON. Lines of spaces are no documents for either.
BAD_LINES = ["\ufeff", "\u00a0", "\x0b", "{hỏng", "   "]


def corpus_lines(samples):
    """One JSONL line per sample article, bad lines among them, then two
    documents with errors."""
    lines = []
    for n, path in enumerate(sorted(samples.glob("*.txt"))):
        text = path.read_bytes().decode("utf-8")
        lines.append(json.dumps({"id": path.stem, "text": text}, ensure_ascii=False))
        if n % 10 == 9:
            lines.append(BAD_LINES[n // 10 % len(BAD_LINES)])
    lines.append(json.dumps({"id": "khong-co-van-ban", "title": "Không có trường text"}))
    lines.append(json.dumps({"id": "van-ban-la-so", "text": 2024}))
    return lines


def comparable(line):
    """A record as a dict, without what counts lines in its own stream: the
    line number and the "line N: " of an error message."""
    record = json.loads(line)
    record["source"].pop("line", None)
    if record.get("error"):
        record["error"]["message"] = re.sub(r"^line \d+: ", "", record["error"]["message"])
    return record


def jsonl_lines(text):
    """The lines of JSONL text: split at "\n" only (str.splitlines() would also
    split at U+2028 and U+0085, which JSON strings hold unescaped)."""
    return [line for line in text.split("\n") if line]


def records_of(lines, what):
    """Records by id, and, sorted, those of lines without an id of their own
    (named by their line number, which counts lines per partition)."""
    named, unnamed = {}, []
    for record in map(comparable, lines):
        if record["id"].isdigit():
            record.pop("id")
            unnamed.append(record)
        elif record["id"] in named:
            sys.exit(f"{what}: id {record['id']} appears twice")
        else:
            named[record["id"]] = record
    return named, sorted(unnamed, key=json.dumps)


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
        expected = records_of(jsonl_lines(single.stdout.decode("utf-8")), "vnpipe alone")

        out = work / "records"
        subprocess.run(
            [sys.executable, str(HERE / "vnpipe_job.py"), str(corpus), str(out),
             "--vnpipe", vnpipe, "--partitions", str(args.partitions), "--master", "local[2]"],
            check=True,
        )
        parts = sorted(out.glob("part-*"))
        if len(parts) != args.partitions:
            sys.exit(f"expected {args.partitions} partitions, Spark wrote {len(parts)}")
        lines = [line for part in parts for line in jsonl_lines(part.read_text(encoding="utf-8"))]
        got = records_of(lines, "Spark")

    named, unnamed = expected
    wanted = sum(1 for line in documents if line.strip(" ") != "")
    if len(named) + len(unnamed) != wanted:
        sys.exit(f"vnpipe alone: {wanted} documents but {len(named) + len(unnamed)} records")
    if got[0].keys() != named.keys():
        missing = sorted(named.keys() - got[0].keys())
        extra = sorted(got[0].keys() - named.keys())
        sys.exit(f"Spark records differ in ids: missing {missing}, extra {extra}")
    different = [id for id in named if got[0][id] != named[id]]
    if got[1] != unnamed:
        different.append("(documents without an id)")
    if different:
        sys.exit(f"Spark records differ from vnpipe alone for: {different}")
    errors = sum(1 for record in named.values() if record["error"]) + len(unnamed)
    print(f"spark: {wanted} records identical to one vnpipe process "
          f"({errors} error records, {len(parts)} partitions)")

if __name__ == "__main__":
    main()
