"""Run vnpipe over a JSONL corpus inside Apache Spark.

Each partition of the input is piped through one vnpipe process
(`rdd.pipe`), which reads JSONL documents on its standard input and writes
one JSONL record per document on its standard output. vnpipe is a filter: it
keeps no state between documents, so partitions can be processed anywhere,
in any order.

    spark-submit examples/spark/vnpipe_job.py corpus.jsonl out/ \
        --vnpipe /usr/local/bin/vnpipe --partitions 64

The vnpipe binary must exist at the same path on every executor.

The job checks what the batch runner checks on one machine: every input line
gave exactly one record. A partition whose vnpipe process died part-way
would otherwise lose documents silently, so the job fails instead. Documents
that vnpipe could not process are not failures of the job: they come out as
records whose `error` field says why, and the job counts them.
"""

import argparse
import itertools
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession


def vnpipe_command(binary, text_field, id_field):
    """The command each partition's process runs, as an argument list."""
    command = [binary, "--quiet", "--input-format", "jsonl"]
    if text_field:
        command += ["--text-field", text_field]
    if id_field:
        command += ["--id-field", id_field]
    return command + ["-"]


def is_document(line):
    """vnpipe's rule: a line of ASCII whitespace only is no document."""
    return line.strip(" \t\n\r\x0c") != ""


def after_a_blank_line(lines):
    """A partition's lines after one blank line. vnpipe drops a byte-order
    mark opening its input; Spark already dropped the file's own, so a mark
    that opens a partition is inside the file and must stay, as it does when
    one vnpipe process reads the whole file."""
    return itertools.chain([""], lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSONL documents (a path Spark can read)")
    parser.add_argument("output", help="a folder for the JSONL records")
    parser.add_argument("--vnpipe", default="vnpipe", help="the vnpipe binary on the executors")
    parser.add_argument("--partitions", type=int, default=None,
                        help="repartition the input into this many parts first")
    parser.add_argument("--text-field", default=None, help="passed to vnpipe --text-field")
    parser.add_argument("--id-field", default=None, help="passed to vnpipe --id-field")
    parser.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it otherwise")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("vnpipe")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local workers run this interpreter, so a virtualenv with
            # pyspark works as it is.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        sc.setLogLevel("WARN")
        lines = sc.textFile(args.input)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        documents = lines.filter(is_document).cache()

        # vnpipe exits 2 when some documents gave error records: not a failure
        # here, since those records say what went wrong. Any other non-zero
        # status (a crash, a closed pipe) fails the task, and Spark retries it.
        script = shlex.join(vnpipe_command(args.vnpipe, args.text_field, args.id_field))
        script += '; status=$?; [ "$status" -eq 2 ] && exit 0; exit "$status"'
        # pipe() gives the process an empty environment unless told: keep PATH
        # so that a bare "vnpipe" is found.
        records = documents.mapPartitions(after_a_blank_line).pipe(
            "sh -c " + shlex.quote(script),
            env={"PATH": os.environ.get("PATH", os.defpath)},
            checkCode=True,
        ).cache()

        documents_in = documents.count()
        records_out = records.count()
        if records_out != documents_in:
            sys.exit(f"vnpipe: {documents_in} documents in but {records_out} records out")
        errors = records.filter(lambda line: json.loads(line).get("error") is not None).count()
        records.saveAsTextFile(args.output)
        print(f"vnpipe: {documents_in} documents, {records_out} records ({errors} errors) "
              f"in {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
