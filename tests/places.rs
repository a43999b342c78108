//! Place recognition and linking as data: `tests/data/places.json`, sentences
//! written by the team, each with the LOC spans ANNOTATION.md section 5 asks
//! for and the unit each must link to. The expected codes were looked up in the
//! gazetteer by official name (`scripts/make-place-cases`), not taken from
//! vnpipe's output.

use serde::Deserialize;
use vnpipe::input::Document;
use vnpipe::Pipeline;

#[derive(Debug, Deserialize)]
struct Case {
    rule: String,
    text: String,
    /// `[span, level, code, official name]`
    places: Vec<(String, String, Option<String>, Option<String>)>,
}

fn cases() -> Vec<Case> {
    let path = crate::common::root().join("tests/data/places.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_table_covers_every_pattern() {
    let cases = cases();
    assert!(cases.len() >= 80, "{} cases", cases.len());
    let rules: std::collections::HashSet<&str> = cases.iter().map(|c| c.rule.as_str()).collect();
    assert!(rules.len() >= 40, "{} distinct rules", rules.len());
}

#[test]
fn every_case_finds_and_links_its_places() {
    let pipeline = Pipeline::default();
    let mut failures = Vec::new();
    for case in cases() {
        let record = pipeline.process(&Document::from_text("case", &case.text));
        let got: Vec<(String, String, Option<String>, Option<String>)> = record
            .entities
            .iter()
            .filter(|e| e.kind == "LOC")
            .map(|e| {
                let a = e.admin.as_ref().unwrap();
                (
                    e.text.clone(),
                    a.level.clone(),
                    a.code.clone(),
                    a.name.clone(),
                )
            })
            .collect();
        if got != case.places {
            failures.push(format!(
                "{} — {}\n  want {:?}\n  got  {:?}",
                case.rule, case.text, case.places, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Top-level entities of `text`: type, surface and canonical name.
fn entities(text: &str) -> Vec<(String, String, Option<String>)> {
    let record = Pipeline::default().process(&Document::from_text("x", text));
    record
        .entities
        .into_iter()
        .filter(|e| !e.nested)
        .map(|e| (e.kind, e.text, e.canonical))
        .collect()
}

/// The surfaces of the entities of one type among `got`.
fn of_type<'a>(got: &'a [(String, String, Option<String>)], kind: &str) -> Vec<&'a str> {
    got.iter()
        .filter(|e| e.0 == kind)
        .map(|e| e.1.as_str())
        .collect()
}

#[test]
fn a_province_abroad_after_its_unit_word_and_its_bare_mentions() {
    let got = entities(
        "Về phía Campuchia có ông Keo Sokhom, lãnh đạo tỉnh Svay Rieng. Hàng Việt được người dân Svay Rieng ưa chuộng.",
    );
    let places = of_type(&got, "LOC");
    assert_eq!(places, ["tỉnh Svay Rieng", "Svay Rieng"]);
    // A person after "UBND tỉnh" is no place abroad.
    let got = entities("Phó Chủ tịch UBND tỉnh Trương Quốc Khải dự họp.");
    assert!(
        got.iter()
            .any(|e| e.0 == "PER" && e.1 == "Trương Quốc Khải"),
        "{got:?}"
    );
}

#[test]
fn bare_place_names_on_credits_and_bylines_are_people() {
    let got =
        entities("Lãnh đạo hai tỉnh ký kết biên bản. Ảnh: KHÁNH HÒA\n\nThanh Tùng - Khánh Hòa\n");
    let people = of_type(&got, "PER");
    assert_eq!(people, ["KHÁNH HÒA", "Thanh Tùng", "Khánh Hòa"]);
    assert!(got.iter().all(|e| e.0 != "LOC"), "{got:?}");
}

#[test]
fn a_caption_that_describes_its_photo_is_no_credit() {
    // "Ảnh:" opens a description here, not the photographer's name: no
    // person "Phó Chủ"; the official and the credit at the end are people.
    let got = entities(
        "Ảnh: Phó Chủ tịch UBND tỉnh Hồ Văn Mười kiểm tra thực địa tại thôn Liêng Trang. (Ảnh: Thanh Hà)\n",
    );
    assert_eq!(of_type(&got, "PER"), ["Hồ Văn Mười", "Thanh Hà"]);
    assert_eq!(of_type(&got, "ORG"), ["UBND tỉnh"]);
}

#[test]
fn regions_as_usually_written_in_lower_case() {
    let got =
        entities("Mưa lớn ở miền Bắc và miền Nam; nước sông Hồng đe dọa đồng bằng sông Hồng.");
    let places = of_type(&got, "LOC");
    assert_eq!(
        places,
        ["miền Bắc", "miền Nam", "sông Hồng", "đồng bằng sông Hồng"]
    );
}

#[test]
fn bridges_markets_ports_halls_and_sites_with_their_names() {
    let got = entities("Đoàn kiểm tra cầu Bình Lợi, chợ Bến Thành và cảng cá Sa Huỳnh, rồi họp tại Hội trường Thống Nhất. Ông Lý yêu cầu Sở Công Thương làm rõ nhu cầu vốn; hội chợ Xuân mở tại hội trường UBND xã.");
    assert_eq!(
        of_type(&got, "LOC"),
        [
            "cầu Bình Lợi",
            "chợ Bến Thành",
            "cảng cá Sa Huỳnh",
            "Hội trường Thống Nhất"
        ]
    );
}

#[test]
fn communes_listed_after_nhu_and_a_commune_named_nhu() {
    let got = entities("Tỉnh ưu tiên vốn cho các xã đặc biệt khó khăn như Tà Tổng, Hua Bum, Pa Vệ Sủ. Cụm công nghiệp mới ở các xã Như Quỳnh, Lạc Đạo.");
    assert_eq!(
        of_type(&got, "LOC"),
        ["Tà Tổng", "Hua Bum", "Pa Vệ Sủ", "Như Quỳnh", "Lạc Đạo"]
    );
}

#[test]
fn streets_named_after_a_day_and_rivers_listed_after_cac_song() {
    let got = entities("Đoàn diễu hành trên đường 30 Tháng 4 rồi qua phố 2 Tháng 9; mặn lấn sâu trên các sông Vàm Cỏ, Hàm Luông.");
    assert_eq!(
        of_type(&got, "LOC"),
        ["đường 30 Tháng 4", "phố 2 Tháng 9", "Vàm Cỏ", "Hàm Luông"]
    );
}
