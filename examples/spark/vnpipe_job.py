"""Run vnpipe over a JSONL corpus inside Apache Spark.

Each partition of the input is piped through one vnpipe process
(`rdd.pipe`), which reads JSONL documents on its standard input and writes
one JSONL record per document on its standard output. vnpipe is a filter: it
keeps no state between documents, so partitions can be processed anywhere,
in any order.

    spark-submit examples/spark/vnpipe_job.py corpus.jsonl out/ \
        --vnpipe /usr/local/bin/vnpipe --partitions 64

The vnpipe binary must exist at the same path on every executor (install it
there, or ship it with `--files vnpipe` and pass `--vnpipe ./vnpipe`).

The job checks what the batch runner checks on one machine: every input line
gave exactly one record. A partition whose vnpipe process died part-way
would otherwise lose documents silently, so the job fails instead. Documents
that vnpipe could not process are not failures of the job: they come out as
records whose `error` field says why, and the job counts them.
"""

import argparse
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

    # The Python workers run this interpreter unless told otherwise, so a
    # virtualenv with pyspark works in local mode as it is.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("vnpipe")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        lines = sc.textFile(args.input)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        # Blank lines are not documents (vnpipe skips them too), and Spark
        # would otherwise count them on the way in.
        documents = lines.filter(lambda line: line.strip() != "").cache()

        # vnpipe exits 2 when some documents gave error records: not a failure
        # here, since those records say what went wrong. Any other non-zero
        # status (a crash, a closed pipe) fails the task, and Spark retries it.
        script = shlex.join(vnpipe_command(args.vnpipe, args.text_field, args.id_field))
        script += '; status=$?; [ "$status" -eq 2 ] && exit 0; exit "$status"'
        # pipe() gives the process an empty environment unless told: keep PATH
        # so that a bare "vnpipe" is found.
        records = documents.pipe(
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
