//! DATE entities on a bundled sample and on sentences written by the team:
//! the spans as written and the ISO values the text allows.

use vnpipe::input::Document;
use vnpipe::Pipeline;

fn dates(text: &str) -> Vec<(String, Option<String>)> {
    let record = Pipeline::default().process(&Document::from_text("x", text));
    record
        .entities
        .into_iter()
        .filter(|e| e.kind == "DATE")
        .map(|e| (e.text, e.value.flatten()))
        .collect()
}

fn pairs(v: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.map(String::from)))
        .collect()
}

#[test]
fn the_flood_report_dates_take_the_year_of_its_header() {
    let path = crate::common::root().join("corpora/samples/mua-lu.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let found = dates(&text);
    assert_eq!(
        found[..6],
        pairs(&[
            ("21/08/2024", Some("2024-08-21")),
            ("17:21", Some("17:21")),
            ("đêm 19.8", Some("2024-08-19")),
            ("chiều 20.8", Some("2024-08-20")),
            ("14h15' ngày 20.8", Some("2024-08-20T14:15")),
            ("ngày 25 tháng 8 năm 2019", Some("2019-08-25")),
        ])
    );
}

#[test]
fn a_day_without_a_year_has_no_value_in_an_undated_article() {
    assert_eq!(
        dates("Sáng 10/11, Sở Công Thương tổ chức hội thảo năm 2020."),
        pairs(&[("Sáng 10/11", None), ("năm 2020", Some("2020"))])
    );
}

#[test]
fn dates_inside_a_document_reference_belong_to_it() {
    let text = "Ngày 5/3/2024, UBND tỉnh ban hành Quyết định số 1532/QĐ-UBND ngày 18/6/2023 và hẹn đến 17h ngày 30/4.";
    assert_eq!(
        dates(text),
        pairs(&[
            ("Ngày 5/3/2024", Some("2024-03-05")),
            ("17h ngày 30/4", Some("2024-04-30T17:00")),
        ])
    );
}
