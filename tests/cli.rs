//! The `vnpipe` command as a user runs it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command as Process, Output, Stdio};

use assert_cmd::Command;
use flate2::write::GzEncoder;
use serde_json::Value;

use crate::common::root;

fn vnpipe() -> Command {
    let mut cmd = Command::cargo_bin("vnpipe").unwrap();
    cmd.current_dir(root()).env_remove("RUST_BACKTRACE");
    cmd
}

/// Runs the command, checks its exit status and returns what it printed.
trait Ran {
    fn ran(&mut self, status: i32) -> Output;
}

impl Ran for Command {
    fn ran(&mut self, status: i32) -> Output {
        self.assert().code(status).get_output().clone()
    }
}

fn records(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn seed() -> String {
    std::fs::read_to_string(root().join("corpora/samples/seed.txt")).unwrap()
}

/// Waits for a spawned run: its exit status and what it printed on standard error.
fn finish(mut child: std::process::Child) -> (std::process::ExitStatus, String) {
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status, stderr)
}

/// Processes the bundled samples into the file `out`.
fn samples_to(out: &Path) {
    vnpipe()
        .args(["-q", "corpora/samples", "-o"])
        .arg(out)
        .assert()
        .success();
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn samples_give_one_record_each_in_name_order() {
    let out = vnpipe().arg("corpora/samples").ran(0);
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // In file-name order ("y-te-benh-vien….txt" before "y-te.txt"), as `samples` lists them.
    let expected: Vec<String> = crate::common::samples()
        .iter()
        .map(|p| crate::common::id_of(p))
        .collect();
    assert_eq!(ids, expected);
    let seed = recs.iter().find(|r| r["id"] == "seed").unwrap();
    assert_eq!(seed["schema"], "vnpipe/1");
    assert_eq!(seed["source"]["path"], "corpora/samples/seed.txt");
    assert_eq!(seed["source"]["bytes"], 3216);
    assert_eq!(seed["sentences"][0]["start"], 0);
    assert_eq!(seed["sentences"][0]["end"], 93);
    assert_eq!(seed["sentences"][0]["kind"], "headline");
    // The seed's places are those of its gold file, the first linked to its code.
    let spans: Vec<(u64, u64)> = seed["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "LOC")
        .map(|e| (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap()))
        .collect();
    let gold: Vec<(u64, u64)> = crate::common::gold("seed")
        .entities
        .iter()
        .filter(|e| e.kind == "LOC")
        .map(|e| (e.start as u64, e.end as u64))
        .collect();
    assert_eq!(spans, gold);
    let first_loc = seed["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "LOC")
        .unwrap();
    assert_eq!(first_loc["admin"]["code"], "26");
    assert_eq!(first_loc["admin"]["successor"][0]["code"], "25");
    assert_eq!(seed["error"], Value::Null);
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains(&format!("{} documents (0 errors)", ids.len())),
        "{summary}"
    );
}

#[test]
fn bad_files_give_error_records_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-bai.txt", seed().as_bytes());
    write(dir.path(), "b-rong.txt", b"");
    write(
        dir.path(),
        "c-anh.jpg",
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",
    );
    write(dir.path(), "d-nen.txt.gz", &gzip(seed().as_bytes()));
    let out = vnpipe().arg(dir.path()).ran(2);
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a-bai", "b-rong", "c-anh", "d-nen"]);
    assert_eq!(recs[0]["error"], Value::Null);
    assert_eq!(recs[1]["error"]["kind"], "empty");
    assert_eq!(recs[2]["error"]["kind"], "binary");
    assert_eq!(recs[2]["text"], Value::Null);
    assert_eq!(recs[3]["error"], Value::Null);
    assert_eq!(recs[3]["text"], recs[0]["text"], "gzip is transparent");
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("4 documents (2 errors)"), "{summary}");
}

#[test]
fn invalid_utf8_and_missing_paths_are_error_records() {
    let dir = tempfile::tempdir().unwrap();
    // Western text in Latin-1: four invalid sequences in 22 bytes.
    write(dir.path(), "latin.txt", b"Caf\xE9 cr\xE8me br\xFBl\xE9e");
    let missing = dir.path().join("khong-co.txt");
    let out = vnpipe()
        .arg(dir.path().join("latin.txt"))
        .arg(&missing)
        .ran(2);
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["kind"], "decode");
    let message = recs[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("not UTF-8 (invalid at byte 3) and no legacy Vietnamese encoding fits"),
        "{message}"
    );
    assert_eq!(recs[1]["id"], "khong-co");
    assert_eq!(recs[1]["error"]["kind"], "io");
}

#[test]
fn utf8_with_a_character_cut_off_keeps_its_text() {
    let dir = tempfile::tempdir().unwrap();
    // A file cut inside its last character, and one with a stray byte.
    let cut = "Chủ tịch UBND tỉnh Lâm Đồng làm việc tại Đà Lạt. Hội nghị kết thúc lúc 11 giờ cả";
    let cut = &cut.as_bytes()[..cut.len() - 1];
    write(dir.path(), "cat.txt", cut);
    let first = b"Vi\xE1\xBBt Nam \xFF h\xE1\xBB\x8Dp.";
    let mut stray = first.to_vec();
    stray.extend_from_slice(
        " Hội nghị kết thúc lúc 11 giờ cùng ngày."
            .repeat(5)
            .as_bytes(),
    );
    write(dir.path(), "le.txt", &stray);
    let out = vnpipe().arg(dir.path()).ran(0);
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["source"]["encoding"], "utf-8-lossy");
    assert_eq!(recs[0]["source"]["encoding_confidence"], 0.98);
    let text = recs[0]["text"].as_str().unwrap();
    assert!(text.ends_with("lúc 11 giờ c\u{FFFD}"), "{text}");
    let entities: Vec<&str> = recs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        entities,
        ["UBND tỉnh Lâm Đồng", "tỉnh Lâm Đồng", "Đà Lạt", "11 giờ"]
    );
    // The last sentence ends on the cut bytes.
    let last = &recs[0]["sentences"][1]["src"];
    assert_eq!(last[1].as_u64(), Some(cut.len() as u64));
    let text = recs[1]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Vi\u{FFFD}t Nam \u{FFFD} họp. Hội"),
        "{text}"
    );
    // The replacements cover the bytes they replace: the first sentence
    // spans its 18 bytes.
    let src = &recs[1]["sentences"][0]["src"];
    assert_eq!(src[1].as_u64(), Some(first.len() as u64));
    // Named, UTF-8 stays strict; utf-8-lossy replaces any number.
    let strict = vnpipe()
        .args(["--encoding", "utf-8"])
        .arg(dir.path().join("le.txt"))
        .ran(2);
    assert_eq!(
        records(&strict.stdout)[0]["error"]["message"],
        "invalid utf-8 at byte 2"
    );
    // A JSONL line with a stray byte in its text is read with it replaced;
    // one with four in 20 bytes is not JSON.
    let jsonl = dir.path().join("tin.jsonl");
    let mut lines = b"{\"id\": \"a\", \"text\": \"UBND t\xE1\xBB\x89nh L\xC3\xA2m \xFF \xC4\x90\xE1\xBB\x93ng h\xE1\xBB\x8Dp.\"}".to_vec();
    lines.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"\xFF\xFE\xFD\xFC ab\"}\n");
    std::fs::write(&jsonl, &lines).unwrap();
    let out = vnpipe().arg(&jsonl).ran(2);
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["source"]["encoding"], "utf-8-lossy");
    assert_eq!(recs[0]["text"], "UBND tỉnh Lâm \u{FFFD} Đồng họp.");
    assert_eq!(recs[1]["id"], "2");
    assert_eq!(recs[1]["error"]["kind"], "json");
    let latin = dir.path().join("latin.txt");
    std::fs::write(&latin, b"Caf\xE9 cr\xE8me br\xFBl\xE9e").unwrap();
    let lossy = vnpipe()
        .args(["--encoding", "utf-8-lossy"])
        .arg(&latin)
        .ran(0);
    assert_eq!(
        records(&lossy.stdout)[0]["text"],
        "Caf\u{FFFD} cr\u{FFFD}me br\u{FFFD}l\u{FFFD}e"
    );
}

#[test]
fn documents_named_by_line_number_are_counted_at_the_end() {
    let lines = "{\"text\": \"Hà Nội.\"}\n{\"id\": \"a\", \"text\": \"Huế.\"}\n{\"id\": null, \"text\": \"Đà Nẵng.\"}\n";
    let run = |args: &[&str]| {
        let out = vnpipe()
            .args(["--input-format", "jsonl"])
            .args(args)
            .write_stdin(lines)
            .ran(0);
        let ids: Vec<String> = records(&out.stdout)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        (ids, String::from_utf8(out.stderr).unwrap())
    };
    let (ids, stderr) = run(&[]);
    assert_eq!(ids, ["1", "a", "3"]);
    assert!(
        stderr.ends_with("vnpipe: 2 JSONL documents have no id in field \"id\": named by line number (--id-field chooses the field)\n"),
        "{stderr}"
    );
    let (ids, stderr) = run(&["--id-field", "ma"]);
    assert_eq!(ids, ["1", "2", "3"]);
    assert!(
        stderr.contains("3 JSONL documents have no id in field \"ma\""),
        "{stderr}"
    );
    assert!(run(&["-q"]).1.is_empty());
}

#[test]
fn stdin_to_stdout() {
    let out = vnpipe()
        .write_stdin("Sáng 10/11, UBND tỉnh họp. Hội nghị kết thúc.")
        .ran(0);
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["source"]["path"], Value::Null);
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
    let dash = vnpipe().arg("-").write_stdin("Xin chào.").ran(0);
    assert_eq!(records(&dash.stdout)[0]["text"], "Xin chào.");
}

#[test]
fn jsonl_fields_ids_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "a1", "body": "Sáng 10/11, UBND tỉnh họp. Hội nghị kết thúc."}"#,
        r#"{"id": 42, "body": "TP. Hà Nội."}"#,
        "",
        r#"{"body": "Không có id."}"#,
        r#"{"id": "x", "text": "sai trường"}"#,
        r#"{"id": "y", "body": 17}"#,
        r#"{"id": "z", "body": "cắt ngang"#,
        r#"{"id": ["l"], "body": "id là mảng"}"#,
    ];
    write(
        dir.path(),
        "tin.jsonl.gz",
        &gzip(lines.join("\n").as_bytes()),
    );
    let out = vnpipe()
        .arg(dir.path().join("tin.jsonl.gz"))
        .args(["--text-field", "body"])
        .ran(2);
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "42", "4", "x", "y", "7", "8"]);
    assert_eq!(recs[0]["source"]["line"], 1);
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(recs[2]["source"]["line"], 4);
    assert_eq!(recs[3]["error"]["kind"], "field");
    assert_eq!(
        recs[3]["error"]["message"],
        "line 5: no text field \"body\""
    );
    assert_eq!(
        recs[4]["error"]["message"],
        "line 6: text field \"body\" is a number, not a string"
    );
    assert_eq!(recs[5]["error"]["kind"], "json");
    assert_eq!(recs[6]["error"]["kind"], "field");
}

#[test]
fn jsonl_src_offsets_are_bytes_of_the_field_value() {
    let out = vnpipe()
        .args(["--input-format", "jsonl"])
        .write_stdin("{\"text\": \"\\u00a0Ông A.\\r\\nBà B.\"}\n")
        .ran(0);
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["text"], " Ông A.\nBà B.");
    // "Bà B." starts after NBSP (2 bytes) + "Ông A." (7 bytes) + CRLF: byte 11.
    assert_eq!(rec["sentences"][1]["src"], serde_json::json!([11, 17]));
}

#[test]
fn stdin_is_text_unless_told() {
    let line = "{\"id\": \"q\", \"text\": \"Một câu.\"}\n";
    let out = vnpipe().write_stdin(line).ran(0);
    assert_eq!(records(&out.stdout)[0]["id"], "stdin");
    assert_eq!(records(&out.stdout)[0]["text"], line);
    let out = vnpipe()
        .args(["--input-format", "jsonl"])
        .write_stdin(line)
        .ran(0);
    assert_eq!(records(&out.stdout)[0]["id"], "q");
}

#[test]
fn jsonl_may_open_with_a_byte_order_mark() {
    let out = vnpipe()
        .args(["--input-format", "jsonl"])
        .write_stdin("\u{FEFF}{\"id\": \"b\", \"text\": \"Xin chào.\"}\n")
        .ran(0);
    assert_eq!(records(&out.stdout)[0]["id"], "b");
}

#[test]
fn output_through_links_and_devices_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.jsonl");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    vnpipe()
        .args(["-q", "corpora/samples/seed.txt", "-o"])
        .arg(&link)
        .ran(0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(records(&std::fs::read(&target).unwrap())[0]["id"], "seed");
    vnpipe()
        .args(["-q", "corpora/samples/seed.txt", "-o", "/dev/null"])
        .ran(0);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn forced_encoding_has_no_confidence() {
    let out = vnpipe()
        .args(["--encoding", "utf-8"])
        .write_stdin("Xin chào.")
        .ran(0);
    assert_eq!(
        records(&out.stdout)[0]["source"]["encoding_confidence"],
        Value::Null
    );
    let out = vnpipe().write_stdin("Xin chào.").ran(0);
    assert_eq!(
        records(&out.stdout)[0]["source"]["encoding_confidence"],
        1.0
    );
}

#[test]
fn one_thread_and_four_threads_write_identical_bytes() {
    // Enough documents for several chunks.
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    let seed: Vec<char> = seed().chars().collect();
    for i in 0..1300 {
        let cut: String = seed[..(i * 7) % seed.len()].iter().collect();
        let text = format!("Tin số {i}. {cut}");
        jsonl.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        jsonl.push('\n');
    }
    write(dir.path(), "many.jsonl", jsonl.as_bytes());
    let run = |j: &str| {
        vnpipe()
            .args(["-j", j, "-q"])
            .arg(dir.path().join("many.jsonl"))
            .arg("corpora/samples")
            .ran(0)
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    assert_eq!(records(&one).len(), 1300 + crate::common::samples().len());
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    vnpipe()
        .arg("corpora/samples")
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read(&out).unwrap();
    assert_eq!(records(&written).len(), crate::common::samples().len());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("out.jsonl")]);
}

#[test]
fn usage_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = vnpipe()
        .arg("corpora/samples")
        .arg("-o")
        .arg(dir.path().join("no/such/dir/out.jsonl"))
        .ran(1);
    let message = String::from_utf8(bad.stderr).unwrap();
    assert!(message.starts_with("vnpipe: error: -o "), "{message}");
    assert!(message.contains("does not exist"), "{message}");
    vnpipe()
        .args(["-j", "0", "corpora/samples"])
        .assert()
        .code(1);
    vnpipe().args(["--tone-style", "weird"]).ran(1);
    vnpipe().arg("--bogus").ran(1);
    let misplaced = vnpipe()
        .args(["-q", "sentences", "corpora/samples/seed.txt"])
        .ran(1);
    let message = String::from_utf8(misplaced.stderr).unwrap();
    assert!(
        message.contains("\"sentences\" is a command: put options after it"),
        "{message}"
    );
}

#[test]
fn sentences_and_normalize_subcommands() {
    let out = vnpipe()
        .args(["sentences", "corpora/samples/seed.txt"])
        .ran(0);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Vĩnh Phúc nâng cao nhận thức về sản xuất sạch hơn, tiết kiệm nguyên liệu cho các doanh nghiệp");
    assert_eq!(
        lines[4],
        "Đồng thời được hướng dẫn các bước sản xuất sạch hơn theo quy trình 5S tại doanh nghiệp."
    );
    assert_eq!(
        lines.len(),
        13 + 1,
        "13 sentences and the blank line closing the document"
    );
    // A document that fails keeps its (empty) block, so blocks line up with inputs.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Một. Hai.".as_bytes());
    write(dir.path(), "b.txt", b"");
    write(dir.path(), "c.txt", "Ba.".as_bytes());
    let out = vnpipe().args(["sentences", "-q"]).arg(dir.path()).ran(2);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Một.\nHai.\n\n\nBa.\n\n"
    );
    let message = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        message,
        "vnpipe: document b: empty: the document is empty\n"
    );

    let out = vnpipe()
        .arg("normalize")
        .write_stdin("Vie\u{302}\u{323}t Nam\r\nThuỷ\u{200B} Nguyên")
        .ran(0);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Việt Nam\nThủy Nguyên\n"
    );
    let out = vnpipe()
        .args(["normalize", "--tone-style", "new"])
        .write_stdin("Ủy ban tỉnh Hòa Bình")
        .ran(0);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Uỷ ban tỉnh Hoà Bình\n"
    );
}

#[test]
fn utf16_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Đà Nẵng đón khách. Phố cổ Hội An"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(dir.path(), "u16.txt", &bytes);
    let out = vnpipe().arg(dir.path().join("u16.txt")).ran(0);
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["source"]["encoding"], "utf-16le");
    assert_eq!(rec["text"], "Đà Nẵng đón khách. Phố cổ Hội An");
    assert_eq!(rec["sentences"][1]["src"], serde_json::json!([40, 66]));
}

#[test]
fn same_stems_get_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2020/tin.txt", b"Tin 2020.");
    write(dir.path(), "2021/tin.txt", b"Tin 2021.");
    write(dir.path(), ".git/config", b"hidden");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("2021/loop")).unwrap();
    let out = vnpipe().arg(dir.path()).ran(0);
    let ids: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["tin", "2021/tin"]);
}

#[test]
fn help_and_version() {
    let help = vnpipe().arg("--help").ran(0).stdout;
    let help = String::from_utf8(help).unwrap();
    assert!(
        help.contains("Examples:") && help.contains("vnpipe sentences"),
        "{help}"
    );
    let version = vnpipe().arg("--version").ran(0).stdout;
    assert_eq!(
        String::from_utf8(version).unwrap().trim(),
        format!("vnpipe {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed().repeat(40);
    for i in 0..200 {
        write(dir.path(), &format!("{i:03}.txt"), text.as_bytes());
    }
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("vnpipe"))
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let (status, stderr) = finish(child);
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn eval_scores_sentences_against_gold() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    samples_to(&out);
    let report = vnpipe()
        .args(["eval", "--gold", "corpora/gold"])
        .arg(&out)
        .ran(0)
        .stdout;
    let report = String::from_utf8(report).unwrap();
    let line = report
        .lines()
        .find(|l| l.starts_with("sentences (all)"))
        .unwrap();
    assert!(line.ends_with("F1 1.0000"), "{report}");
    // Missing predictions: partial scores, said on stderr and in the status.
    let first = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let partial = vnpipe()
        .args(["eval", "--gold", "corpora/gold", "-"])
        .write_stdin(first)
        .ran(2);
    let message = String::from_utf8(partial.stderr).unwrap();
    assert!(
        message.contains("no prediction for gold document seed"),
        "{message}"
    );
    // The seed article, as JSON and with its differences (none).
    let seed = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .find(|l| l.contains("\"id\":\"seed\""))
        .unwrap()
        .to_string();
    let json = vnpipe()
        .args([
            "eval",
            "--json",
            "--per-doc",
            "--gold",
            "corpora/gold/seed.gold.json",
            "-",
        ])
        .write_stdin(seed.clone())
        .ran(0)
        .stdout;
    let json: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["entities"]["ALL"]["f1"], 1.0, "{json}");
    assert_eq!(json["officials"]["f1"], 1.0, "{json}");
    assert_eq!(json["differences"], Value::Array(vec![]));
    // A spurious entity is listed by document, type and position.
    let altered = seed.replacen("\"type\":\"PER\"", "\"type\":\"ORG\"", 1);
    let listed = vnpipe()
        .args([
            "eval",
            "--per-doc",
            "--gold",
            "corpora/gold/seed.gold.json",
            "-",
        ])
        .write_stdin(altered)
        .ran(0)
        .stdout;
    let listed = String::from_utf8(listed).unwrap();
    assert!(listed.contains("seed\tmissed\tPER\t@"), "{listed}");
    assert!(listed.contains("seed\tspurious\tORG\t@"), "{listed}");
    assert!(listed.contains("sentences seed "), "{listed}");
    // Without --per-doc, no row per document.
    assert!(!report.contains("sentences seed "), "{report}");
    // An error record for a gold document: scored as all missed, said on
    // stderr and in the status.
    let failed = vnpipe()
        .args(["eval", "--gold", "corpora/gold/seed.gold.json", "-"])
        .write_stdin(
            r#"{"schema":"vnpipe/1","id":"seed","source":{"path":null,"line":1,"encoding":null,"encoding_confidence":null,"bytes":0},"text":null,"normalization":null,"sentences":[],"era":null,"entities":[],"officials":[],"error":{"kind":"empty","message":"the document is empty"}}"#,
        )
        .ran(2);
    let message = String::from_utf8(failed.stderr).unwrap();
    assert!(message.contains("seed is an error record"), "{message}");
    // A folder without gold files is an error, not an empty table.
    let empty = vnpipe()
        .args(["eval", "--gold", "corpora/samples"])
        .arg(&out)
        .ran(1);
    let message = String::from_utf8(empty.stderr).unwrap();
    assert!(message.contains("no gold files"), "{message}");
}

#[test]
fn legacy_files_are_detected_and_normalize_to_round_trips() {
    // The seed written in TCVN3 by glibc iconv, read back and written again.
    let tcvn3 = root().join("tests/data/encodings/seed.tcvn3");
    let out = vnpipe().arg(&tcvn3).ran(0);
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["source"]["encoding"], "tcvn3");
    let text = vnpipe()
        .args(["normalize", "-q", "--to", "tcvn3"])
        .arg(&tcvn3)
        .ran(0)
        .stdout;
    // normalize ends the text with a newline; the seed's own ends without one.
    let original = std::fs::read(&tcvn3).unwrap();
    assert_eq!(text.strip_suffix(b"\n").unwrap(), original.as_slice());

    // A character TCVN3 lacks is named, and the document fails.
    let failed = vnpipe()
        .args(["normalize", "-q", "--to", "tcvn3"])
        .write_stdin("Giá 5 €.")
        .ran(2);
    let message = String::from_utf8(failed.stderr).unwrap();
    assert!(
        message.starts_with(
            "vnpipe: document stdin: encode: tcvn3 cannot represent '€' (U+20AC) at character 6"
        ),
        "{message}"
    );
    // Typographic punctuation can be written in ASCII on request; the bytes
    // are what glibc iconv writes for the ASCII version.
    let out = vnpipe()
        .args(["normalize", "-q", "--to", "tcvn3", "--substitute"])
        .write_stdin("“Đà Nẵng” – 2024…")
        .ran(0);
    assert_eq!(out.stdout, b"\"\xA7\xB5 N\xBDng\" - 2024...\n");
}

#[test]
fn encoding_can_be_forced() {
    let out = vnpipe()
        .args(["--encoding", "viqr"])
        .write_stdin("Vie^.t Nam")
        .ran(0);
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["text"], "Việt Nam");
    assert_eq!(rec["source"]["encoding"], "viqr");
    assert_eq!(rec["source"]["encoding_confidence"], Value::Null);
    // Without --encoding, ASCII stays ASCII.
    let out = vnpipe().write_stdin("Vie^.t Nam").ran(0);
    assert_eq!(records(&out.stdout)[0]["text"], "Vie^.t Nam");
}

#[test]
fn user_gazetteers_add_units_and_bad_ones_are_named_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let header = "code\tlevel\ttype\tname\tfull_name\tparent_code\tprovince_code\tfirst_seen\tlast_seen\tstatus\tsuccessor_province\tsuccessor_codes\tvariants";
    let good = dir.path().join("them.tsv");
    std::fs::write(
        &good,
        format!("{header}\n99001\tcommune\tPhường\tĐồi Ngàn\tPhường Đồi Ngàn\t25\t25\t2026-10-10\t\tcurrent\t\t\t\n"),
    )
    .unwrap();
    let text = "Ngày 3/3/2026, phường Đồi Ngàn (tỉnh Phú Thọ) ra mắt.";
    let with = |file: &std::path::Path, status: i32| {
        vnpipe()
            .arg("--gazetteer")
            .arg(file)
            .arg("-")
            .write_stdin(text)
            .ran(status)
    };
    let places = |stdout: &[u8]| -> Vec<Value> {
        let rec = &records(stdout)[0];
        rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "LOC")
            .cloned()
            .collect()
    };
    let found = places(&with(&good, 0).stdout);
    assert_eq!(found[0]["text"], "phường Đồi Ngàn");
    assert_eq!(found[0]["admin"]["code"], "99001");
    assert_eq!(found[1]["admin"]["code"], "25");
    // Without the file the ward is still a place, with no code.
    let found = places(&vnpipe().arg("-").write_stdin(text).ran(0).stdout);
    assert_eq!(found[0]["admin"]["code"], Value::Null);

    let bad = dir.path().join("bad.tsv");
    std::fs::write(
        &bad,
        format!("{header}\n9\tcommune\tXã\tA\tXã A\t\t\t\t\tcurrent\t\t\t\n"),
    )
    .unwrap();
    let err = String::from_utf8(with(&bad, 1).stderr).unwrap();
    assert!(
        err.contains("bad.tsv:2: a commune code has 5 digits"),
        "{err}"
    );

    // A byte-order mark is fine; a code already taken, an unknown province or
    // a date that is not a date is a mistake, named.
    let with_bom = dir.path().join("bom.tsv");
    let plain = std::fs::read_to_string(&good).unwrap();
    std::fs::write(&with_bom, format!("\u{feff}{plain}")).unwrap();
    with(&with_bom, 0);
    for (row, message) in [
        (
            "17176\tcommune\tXã\tHoa Mai\tXã Hoa Mai\t40\t40\t2026-10-10\t\tcurrent\t\t\t",
            "code 17176 is already Xã Quỳnh Anh",
        ),
        (
            "99002\tcommune\tXã\tA\tXã A\t98\t98\t2026-10-10\t\tcurrent\t\t\t",
            "no province has code 98",
        ),
        (
            "99003\tcommune\tXã\tA\tXã A\t25\t25\tyesterday\t\tcurrent\t\t\t",
            "first_seen is not YYYY-MM-DD",
        ),
        (
            "99004\tcommune\tXã\tA\tXã A\t25\t25\t\t\tcurrent\t\t12345678\t",
            "successor_codes is not a code",
        ),
    ] {
        std::fs::write(&bad, format!("{header}\n{row}\n")).unwrap();
        let err = String::from_utf8(with(&bad, 1).stderr).unwrap();
        assert!(err.contains(message), "{row}: {err}");
    }
}

#[test]
fn explain_names_each_rule_and_the_candidates_that_lost() {
    let text = "Ngày 20/6/2023, ông Trần Văn Hải công bố Quyết định số 1532/QĐ-UBND \
                ngày 18/6/2023 của UBND tỉnh về ấp Trường Thọ, xã Trường Long.";
    let out = vnpipe().arg("--explain").write_stdin(text).ran(0);
    let rec = &records(&out.stdout)[0];
    let explained: Vec<(&str, &str, &str)> = rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap(),
                e["text"].as_str().unwrap(),
                e["explain"]["rule"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        explained,
        [
            ("DATE", "Ngày 20/6/2023", "date.expression"),
            ("PER", "Trần Văn Hải", "per.cue"),
            (
                "DOC",
                "Quyết định số 1532/QĐ-UBND ngày 18/6/2023",
                "doc.reference"
            ),
            ("ORG", "UBND tỉnh", "org.head"),
            ("LOC", "ấp Trường Thọ", "loc.unit-word"),
            ("LOC", "xã Trường Long", "loc.unit-word"),
        ]
    );
    let entity = |text: &str| {
        rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == text)
            .unwrap()
            .clone()
    };
    assert_eq!(entity("UBND tỉnh")["explain"]["entry"], "UBND");
    // The date inside the reference and the school-like head "Trường" lost.
    let lost = &entity("Quyết định số 1532/QĐ-UBND ngày 18/6/2023")["explain"]["lost"];
    assert_eq!(lost[0]["type"], "DATE");
    assert_eq!(lost[0]["text"], "ngày 18/6/2023");
    let lost = &entity("ấp Trường Thọ")["explain"]["lost"];
    assert_eq!(
        (&lost[0]["type"], &lost[0]["text"]),
        (&"ORG".into(), &"Trường Thọ".into())
    );
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (
        lost[0]["start"].as_u64().unwrap() as usize,
        lost[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[start..end].iter().collect::<String>(), "Trường Thọ");
    // Without the flag, no explanation; with a text job, a usage error.
    let plain = records(&vnpipe().write_stdin(text).ran(0).stdout).remove(0);
    assert!(plain["entities"][0].get("explain").is_none());
    let err = vnpipe()
        .args(["sentences", "--explain"])
        .write_stdin(text)
        .ran(1);
    assert!(String::from_utf8_lossy(&err.stderr).contains("--explain applies to records"));
}

#[test]
fn resume_keeps_whole_records_and_processes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.jsonl");
    samples_to(&full);
    let full = std::fs::read(&full).unwrap();
    // A run killed after ten records and half of the eleventh.
    let lines: Vec<&[u8]> = full.split_inclusive(|&b| b == b'\n').collect();
    let mut partial = lines[..10].concat();
    partial.extend_from_slice(&lines[10][..lines[10].len() / 2]);
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, &partial).unwrap();
    let ran = vnpipe()
        .args(["corpora/samples", "--resume", "-o"])
        .arg(&out)
        .ran(0);
    let stderr = String::from_utf8_lossy(&ran.stderr);
    assert!(
        stderr.contains("resuming: 10 records kept")
            && stderr.contains("1 unfinished line dropped"),
        "{stderr}"
    );
    let remaining = crate::common::samples().len() - 10;
    assert!(
        stderr.contains(&format!("vnpipe: {remaining} documents")),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), full);
    // Ids may repeat in an input: the first records of an id are the ones kept.
    let dup = dir.path().join("dup.jsonl");
    let lines = [
        r#"{"id":"a","text":"Hà Nội."}"#,
        r#"{"id":"a","text":"Huế."}"#,
        r#"{"id":"b","text":""}"#,
    ];
    std::fs::write(&dup, lines.join("\n") + "\n").unwrap();
    let dup_out = dir.path().join("dup.out.jsonl");
    vnpipe().arg(&dup).arg("-o").arg(&dup_out).ran(2);
    let whole = std::fs::read(&dup_out).unwrap();
    let first = whole
        .split_inclusive(|&b| b == b'\n')
        .next()
        .unwrap()
        .to_vec();
    std::fs::write(&dup_out, &first).unwrap();
    // The empty text of "b" gives an error record: status 2, also once it is
    // kept; resuming a finished output changes nothing.
    for _ in 0..2 {
        vnpipe()
            .arg(&dup)
            .arg("--resume")
            .arg("-o")
            .arg(&dup_out)
            .ran(2);
        assert_eq!(std::fs::read(&dup_out).unwrap(), whole);
    }
    // Records only, and only with an output file.
    vnpipe()
        .args(["sentences", "corpora/samples", "--resume", "-o"])
        .arg(&out)
        .ran(1);
    vnpipe().args(["corpora/samples", "--resume"]).ran(1);
}

#[test]
fn ctrl_c_writes_whole_records_and_resume_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let line = |i: usize| {
        format!("{{\"id\":\"d{i}\",\"text\":\"Sáng 3/5, UBND tỉnh Lào Cai họp lần {i}.\"}}\n")
    };
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("vnpipe"))
        .args(["--input-format", "jsonl", "-", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..5 {
        stdin.write_all(line(i).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let killed = Process::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(std::time::Duration::from_millis(300));
    // The reader sees the flag at its next document.
    let _ = stdin.write_all(line(5).as_bytes());
    drop(stdin);
    let (status, stderr) = finish(child);
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted after 5 documents"), "{stderr}");
    let written = std::fs::read(&out).unwrap();
    let ids: Vec<String> = records(&written)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["d0", "d1", "d2", "d3", "d4"]);
    // Resuming with the whole input processes only what is missing.
    let all: String = (0..8).map(line).collect();
    let ran = vnpipe()
        .args(["--input-format", "jsonl", "-", "--resume", "-o"])
        .arg(&out)
        .write_stdin(all)
        .ran(0);
    assert!(String::from_utf8_lossy(&ran.stderr).contains("vnpipe: 3 documents"));
    let ids: Vec<String> = records(&std::fs::read(&out).unwrap())
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"]);
}

#[test]
fn a_hostile_corpus_gives_one_record_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "empty.txt", b"");
    let binary: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 251) as u8).collect();
    write(d, "binary.txt", &binary);
    // Invalid UTF-8 at every fourth position of a short text.
    let text = "Xin chào Việt Nam.".as_bytes();
    let positions: Vec<usize> = (0..=text.len()).step_by(4).collect();
    for &i in &positions {
        let mut bytes = text[..i].to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(&text[i..]);
        write(d, &format!("inv_{i:03}.txt"), &bytes);
    }
    // One line of 0.5 MB without a sentence break.
    write(
        d,
        "long.txt",
        "Nguyễn Văn A và UBND tỉnh Lào Cai họp bàn "
            .repeat(30_000)
            .as_bytes(),
    );
    let jsonl = [
        format!("{}{}", "[".repeat(5000), "]".repeat(5000)), // deeply nested, no object
        r#"{"id": 5, "text": "Hà Nội"}"#.to_string(),        // a number as id
        r#"{"id":"a","text":"x"}"#.to_string(),
        r#"{"id":"a","text":"y"}"#.to_string(), // the same id again
        r#"{"id":"b"}"#.to_string(),            // no text field
        r#"{"id":"c","text":123}"#.to_string(), // text not a string
        "not json".to_string(),
        String::new(), // a blank line is no document
        format!(r#"{{"id":"d","text":"{}"#, "a".repeat(100)), // cut short
    ];
    write(d, "lines.jsonl", (jsonl.join("\n") + "\n").as_bytes());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop.txt", d.join("loop.txt")).unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    }
    let ran = vnpipe().arg(d).ran(2);
    let got = records(&ran.stdout);
    let files = 3 + positions.len() + usize::from(cfg!(unix));
    let lines = jsonl.iter().filter(|l| !l.is_empty()).count();
    assert_eq!(got.len(), files + lines);
    let kind = |id: &str| -> Vec<String> {
        got.iter()
            .filter(|r| r["id"] == id)
            .map(|r| r["error"]["kind"].as_str().unwrap_or("ok").to_string())
            .collect()
    };
    assert_eq!(kind("empty"), ["empty"]);
    assert_eq!(kind("binary"), ["binary"]);
    assert_eq!(kind("long"), ["ok"]);
    assert_eq!(kind("a"), ["ok", "ok"]);
    assert_eq!(kind("b"), ["field"]);
    assert_eq!(kind("c"), ["field"]);
    if cfg!(unix) {
        assert_eq!(kind("loop"), ["io"]);
    }
    // A stray byte between characters is replaced, the text kept.
    for &i in &positions {
        let r = got
            .iter()
            .find(|r| r["id"] == format!("inv_{i:03}"))
            .unwrap();
        assert_eq!(r["source"]["encoding"], "utf-8-lossy");
        let expected = format!(
            "{}\u{FFFD}{}",
            &"Xin chào Việt Nam."[..i],
            &"Xin chào Việt Nam."[i..]
        );
        assert_eq!(r["text"].as_str().unwrap().trim(), expected.trim());
    }
    let errors = got.iter().filter(|r| !r["error"].is_null()).count();
    let stderr = String::from_utf8_lossy(&ran.stderr);
    assert!(
        stderr.contains(&format!("{} documents ({errors} errors)", got.len())),
        "{stderr}"
    );
}

/// A full disk (Linux's `/dev/full` answers every write with ENOSPC) is a
/// clear error and status 1, whether the records go to standard output or to
/// `-o`.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_with_status_one() {
    let seed = root().join("corpora/samples/seed.txt");
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let out = Process::new(assert_cmd::cargo::cargo_bin("vnpipe"))
        .arg(&seed)
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("vnpipe: error: cannot write standard output: No space left on device"),
        "{stderr}"
    );
    let out = vnpipe().arg(&seed).args(["-o", "/dev/full"]).ran(1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("vnpipe: error: cannot write /dev/full: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn a_closed_standard_error_is_no_failure() {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("vnpipe"))
        .arg(root().join("corpora/samples/seed.txt"))
        .arg("missing.txt")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    // The summary and the missing file's error cannot be shown: the run still
    // ends with the status its documents give.
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

#[test]
fn failed_documents_are_named_in_input_order() {
    // Forty documents, every third empty, on two threads: the lines on
    // standard error follow the input, not the order the threads finish in.
    let dir = tempfile::tempdir().unwrap();
    let long = "Chủ tịch UBND tỉnh Lâm Đồng làm việc tại Đà Lạt. ".repeat(400);
    for i in 0..40 {
        let text = if i % 3 == 0 { "" } else { long.as_str() };
        write(dir.path(), &format!("d{i:02}.txt"), text.as_bytes());
    }
    let out = vnpipe().args(["-j", "2"]).arg(dir.path()).ran(2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let named: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("vnpipe: document "))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let expected: Vec<String> = (0..40).step_by(3).map(|i| format!("d{i:02}")).collect();
    assert_eq!(named, expected);
}

#[test]
fn records_name_the_documents_that_failed_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Một. Hai.".as_bytes());
    write(dir.path(), "b.txt", b"");
    let out = vnpipe().arg(dir.path()).ran(2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("vnpipe: document b: empty: the document is empty\n"),
        "{stderr}"
    );
    assert_eq!(records(&out.stdout).len(), 2);
    let quiet = vnpipe().arg("-q").arg(dir.path()).ran(2);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn a_pipe_in_a_folder_and_a_fifty_megabyte_line_give_error_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Một. Hai.".as_bytes());
    // A JSONL line of 50 MB whose text never closes: read whole, one record.
    let mut line = br#"{"id":"dai","text":""#.to_vec();
    line.resize(50 << 20, b'a');
    line.push(b'\n');
    write(d, "dai.jsonl", &line);
    // Opening a pipe found in a folder would wait for a writer forever.
    let fifo = Process::new("mkfifo")
        .arg(d.join("ong.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let got = records(&vnpipe().arg(d).ran(2).stdout);
    let kinds: Vec<(&str, &str)> = got
        .iter()
        .map(|r| {
            let kind = r["error"]["kind"].as_str().unwrap_or("ok");
            (r["id"].as_str().unwrap(), kind)
        })
        .collect();
    assert_eq!(kinds, [("a", "ok"), ("1", "json"), ("ong", "io")]);
    let message = got[2]["error"]["message"].as_str().unwrap();
    assert!(message.contains("not a regular file"), "{message}");
}

#[test]
fn a_file_that_disappears_after_its_folder_was_listed_gives_an_error_record() {
    use vnpipe::input::{InputError, InputFormat, InputPath, Inputs, JsonlOptions};
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Một.".as_bytes());
    write(dir.path(), "b.txt", "Hai.".as_bytes());
    let path = InputPath::Path(dir.path().to_path_buf());
    let mut inputs = Inputs::new(vec![path], InputFormat::Auto, JsonlOptions::default());
    assert_eq!(inputs.next().unwrap().id, "a");
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let b = inputs.next().unwrap();
    assert_eq!(b.id, "b");
    assert!(
        matches!(&b.content, Err(InputError::Io { message, .. }) if message.contains("No such file")),
        "{:?}",
        b.content
    );
    assert!(inputs.next().is_none());
}

#[test]
fn an_unreadable_file_gives_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "Một.".as_bytes());
    write(d, "b.txt", "Hai.".as_bytes());
    let set_mode = |path: &Path, mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(&d.join("b.txt"), 0o000);
    // Root reads any file: run the command as nobody then, from a copy it can
    // execute, in a folder it can list.
    let binary = assert_cmd::cargo::cargo_bin("vnpipe");
    let root_user = Process::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut run = if root_user {
        set_mode(d, 0o755);
        set_mode(&d.join("a.txt"), 0o644);
        let copy = d.join("vnpipe-copy");
        std::fs::copy(&binary, &copy).unwrap();
        set_mode(&copy, 0o755);
        let mut run = Process::new("setpriv");
        run.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(copy);
        run
    } else {
        Process::new(binary)
    };
    let out = run
        .arg("-q")
        .arg(d.join("a.txt"))
        .arg(d.join("b.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = records(&out.stdout);
    assert_eq!(got.len(), 2);
    assert!(got[0]["error"].is_null());
    assert_eq!(got[1]["id"], "b");
    assert_eq!(got[1]["error"]["kind"], "io");
    let message = got[1]["error"]["message"].as_str().unwrap();
    assert!(message.contains("Permission denied"), "{message}");
}

/// The bundled samples run together as OCR text comes: one line, no full
/// stop, question or exclamation mark.
fn ocr_line() -> String {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("corpora/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let text: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    text.join(" ").replace(['\n', '.', '!', '?', '…'], " ")
}

#[test]
fn a_ten_megabyte_line_without_sentence_breaks_completes() {
    let dir = tempfile::tempdir().unwrap();
    let unit = ocr_line();
    let copies = 10_000_000 / unit.len() + 1;
    write(dir.path(), "unit.txt", unit.as_bytes());
    write(
        dir.path(),
        "big.txt",
        vec![unit.as_str(); copies].join(" ").as_bytes(),
    );
    let entities = |name: &str| -> usize {
        let out = vnpipe().arg("-q").arg(dir.path().join(name)).ran(0);
        let got = records(&out.stdout);
        assert_eq!(got.len(), 1);
        got[0]["entities"].as_array().unwrap().len()
    };
    let (one, all) = (entities("unit.txt"), entities("big.txt"));
    assert!(one > 5_000, "{one} entities in the samples");
    // Every copy finds what one copy finds (give or take where copies meet).
    assert!(
        all >= (copies - 1) * one,
        "{all} entities in {copies} copies of {one}"
    );
}
