//! Official records (ANNOTATION.md section 7) and short names of people, on
//! sentences written by the team: each expected value is what the rules ask for.

use vnpipe::input::Document;
use vnpipe::Pipeline;

fn officials(text: &str) -> Vec<(String, String, Option<String>)> {
    let record = Pipeline::default().process(&Document::from_text("x", text));
    record
        .officials
        .into_iter()
        .map(|o| (o.name, o.title, o.organization))
        .collect()
}

fn triple(name: &str, title: &str, org: Option<&str>) -> (String, String, Option<String>) {
    (name.to_string(), title.to_string(), org.map(String::from))
}

/// The organisations of `text`, as written.
fn orgs(text: &str) -> Vec<String> {
    Pipeline::default()
        .process(&Document::from_text("x", text))
        .entities
        .into_iter()
        .filter(|e| e.kind == "ORG")
        .map(|e| e.text)
        .collect()
}

#[test]
fn titles_before_the_name_in_a_chain() {
    assert_eq!(
        officials(
            "Ngày 3/3/2024, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lê Văn Khiêm tiếp công dân."
        ),
        [
            triple("Lê Văn Khiêm", "Chủ tịch", Some("UBND tỉnh")),
            triple("Lê Văn Khiêm", "Phó Bí thư", Some("Tỉnh ủy")),
        ]
    );
}

#[test]
fn titles_after_the_name_with_a_title_alone_and_a_shared_head() {
    assert_eq!(
        officials("Dự đại hội có bà Nông Thị Hà, Tỉnh ủy viên, Bí thư Huyện ủy Bảo Lạc; ông Triệu Văn Sinh, Trưởng ban Dân vận Huyện ủy."),
        [
            triple("Nông Thị Hà", "Tỉnh ủy viên", None),
            triple("Nông Thị Hà", "Bí thư", Some("Huyện ủy Bảo Lạc")),
            triple("Triệu Văn Sinh", "Trưởng ban", Some("ban Dân vận Huyện ủy")),
        ]
    );
}

#[test]
fn a_framing_organisation_and_a_list_headed_by_a_title() {
    assert_eq!(
        officials("Thường trực UBND tỉnh gồm Chủ tịch Lục Văn Tuấn và 2 phó chủ tịch: ông Nguyễn Trọng Hài, bà Giàng Thị Dợ."),
        [
            triple("Lục Văn Tuấn", "Chủ tịch", Some("Thường trực UBND tỉnh")),
            triple("Nguyễn Trọng Hài", "phó chủ tịch", Some("Thường trực UBND tỉnh")),
            triple("Giàng Thị Dợ", "phó chủ tịch", Some("Thường trực UBND tỉnh")),
        ]
    );
}

#[test]
fn a_copular_frame_and_no_title_no_record() {
    assert_eq!(
        officials(
            "Ông Đoàn Minh Tâm từng là Chủ tịch UBND huyện Hải Lăng. Ông Lê Văn Hùng đến thăm."
        ),
        [triple(
            "Đoàn Minh Tâm",
            "Chủ tịch",
            Some("UBND huyện Hải Lăng")
        )]
    );
}

#[test]
fn a_short_name_refers_to_the_full_name() {
    let text = "Ông Nguyễn Văn Chính, Giám đốc Sở Công Thương, phát biểu. Ông Chính cho biết thêm; bà Lê Thị Chính không dự.";
    let record = Pipeline::default().process(&Document::from_text("x", text));
    let people: Vec<(&str, Option<usize>)> = record
        .entities
        .iter()
        .filter(|e| e.kind == "PER")
        .map(|e| (e.text.as_str(), e.refers_to))
        .collect();
    let full = record
        .entities
        .iter()
        .position(|e| e.text == "Nguyễn Văn Chính")
        .unwrap();
    assert_eq!(
        people,
        [
            ("Nguyễn Văn Chính", None),
            ("Chính", Some(full)),
            ("Lê Thị Chính", None)
        ]
    );
}

#[test]
fn dismissals_elections_after_a_title_and_a_numbered_command() {
    assert_eq!(
        officials("Ngày 15/3/2024, HĐND tỉnh miễn nhiệm chức danh Ủy viên UBND tỉnh đối với ông Phạm Đức Lâm."),
        [triple("Phạm Đức Lâm", "Ủy viên", Some("UBND tỉnh"))]
    );
    assert_eq!(
        officials("Ông Nông Văn Phúc, Phó Trưởng Ban Pháp chế HĐND tỉnh được bầu làm Trưởng Ban Pháp chế HĐND tỉnh."),
        [
            triple("Nông Văn Phúc", "Phó Trưởng Ban", Some("Ban Pháp chế HĐND tỉnh")),
            triple("Nông Văn Phúc", "Trưởng Ban", Some("Ban Pháp chế HĐND tỉnh")),
        ]
    );
    assert_eq!(
        officials("Trung tướng Đào Xuân Khiêm, Tư lệnh Quân khu 1 đã kiểm tra công tác cứu hộ."),
        [triple("Đào Xuân Khiêm", "Tư lệnh", Some("Quân khu 1"))]
    );
}

/// Found in a new-user trial.
#[test]
fn dashes_passive_frames_apposition_and_one_record_per_triple() {
    assert_eq!(
        officials("Phó Chủ tịch UBND tỉnh – Nguyễn Văn Sơn đề nghị tăng cường kiểm tra."),
        [triple("Nguyễn Văn Sơn", "Phó Chủ tịch", Some("UBND tỉnh"))]
    );
    assert_eq!(
        officials("Ông Đinh Văn Thu được bổ nhiệm giữ chức Phó Giám đốc Sở Nội vụ."),
        [triple("Đinh Văn Thu", "Phó Giám đốc", Some("Sở Nội vụ"))]
    );
    assert_eq!(
        officials("UBND tỉnh bổ nhiệm bà Lê Thị Hoa, Trưởng phòng Kế hoạch, giữ chức Phó Giám đốc Sở Nội vụ."),
        [
            triple("Lê Thị Hoa", "Trưởng phòng", Some("phòng Kế hoạch")),
            triple("Lê Thị Hoa", "Phó Giám đốc", Some("Sở Nội vụ")),
        ]
    );
    assert_eq!(
        officials("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh dự họp.\nÔng Nguyễn Văn An, Chủ tịch UBND tỉnh phát biểu."),
        [triple("Nguyễn Văn An", "Chủ tịch", Some("UBND tỉnh"))]
    );
    let record =
        Pipeline::default().process(&Document::from_text("x", "Ông Phạm Trường Sơn phát biểu."));
    let people: Vec<&str> = record.entities.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(people, ["Phạm Trường Sơn"]);
}

#[test]
fn a_record_points_to_its_person_and_organisation_entities() {
    let text = "Bí thư huyện Bảo Yên Hoàng Văn Thắng và ông Trần Quốc Hùng, Giám đốc Sở Tài chính, dự lễ. Tỉnh ủy viên Lò Thị Hoa phát biểu.";
    let record = Pipeline::default().process(&Document::from_text("x", text));
    type Pointed<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
    let pointed: Vec<Pointed> = record
        .officials
        .iter()
        .map(|o| {
            let person = &record.entities[o.person_index.unwrap()];
            let org = o.organization_index.map(|i| {
                (
                    record.entities[i].kind.as_str(),
                    record.entities[i].text.as_str(),
                )
            });
            (person.kind.as_str(), person.text.as_str(), org)
        })
        .collect();
    assert_eq!(
        pointed,
        [
            ("PER", "Hoàng Văn Thắng", Some(("LOC", "huyện Bảo Yên"))),
            ("PER", "Trần Quốc Hùng", Some(("ORG", "Sở Tài chính"))),
            ("PER", "Lò Thị Hoa", None),
        ]
    );
}

#[test]
fn the_seed_article_names_two_organisations_four_ways() {
    let path = crate::common::root().join("corpora/samples/seed.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let record = Pipeline::default().process(&Document::from_text("seed", &text));
    let mut names: Vec<&str> = record
        .entities
        .iter()
        .filter(|e| e.kind == "ORG")
        .map(|e| e.canonical.as_deref().unwrap())
        .collect();
    names.sort();
    names.dedup();
    // "Sở Công thương Vĩnh Phúc" and "Sở Công Thương tỉnh Vĩnh Phúc" are one
    // department; the centre is written three ways, one without its place.
    assert_eq!(
        names,
        [
            "Công ty TNHH Xanh Gannam",
            "Sở Công Thương tỉnh Vĩnh Phúc",
            "Trung tâm Phát triển Công Thương",
            "Trung tâm Phát triển Công Thương tỉnh Vĩnh Phúc",
            "Trung tâm Phát triển công thương tỉnh Vĩnh Phúc",
        ]
    );
}

#[test]
fn canonical_names_expand_abbreviations_and_add_the_province() {
    let text = "Ngày 12/3/2024, UBND TỈNH Lào Cai, Sở NN&PTNT, Báo Lào Cai, Tỉnh ủy, Phòng Nội vụ H.Bát Xát và UBND huyện Bảo Thắng, tỉnh Lào Cai họp; UBND tỉnh kết luận.";
    let record = Pipeline::default().process(&Document::from_text("x", text));
    let names: Vec<(&str, &str)> = record
        .entities
        .iter()
        .filter(|e| e.kind == "ORG")
        .map(|e| (e.text.as_str(), e.canonical.as_deref().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("UBND TỈNH Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
            (
                "Sở NN&PTNT",
                "Sở Nông nghiệp và Phát triển nông thôn tỉnh Lào Cai"
            ),
            ("Báo Lào Cai", "Báo Lào Cai"),
            ("Tỉnh ủy", "Tỉnh ủy Lào Cai"),
            ("Phòng Nội vụ H.Bát Xát", "Phòng Nội vụ huyện Bát Xát"),
            ("UBND huyện Bảo Thắng", "Ủy ban nhân dân huyện Bảo Thắng"),
            ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lào Cai"),
        ]
    );
}

#[test]
fn schools_are_named_after_people() {
    assert_eq!(
        officials("Ông Lê Văn Tám, Hiệu trưởng Trường THPT Chuyên Nguyễn Du, và học sinh Trường Tiểu học Kim Đồng dự lễ."),
        [triple("Lê Văn Tám", "Hiệu trưởng", Some("Trường THPT Chuyên Nguyễn Du"))]
    );
}

#[test]
fn lists_with_their_organisation_frames_with_an_agent_and_terms_before_doi_voi() {
    assert_eq!(
        officials("Dự hội nghị có các Phó Chủ tịch UBND tỉnh: ông Đỗ Minh Tuấn, bà Hà Thị Lan và ông Sầm Văn Hoan."),
        [
            triple("Đỗ Minh Tuấn", "Phó Chủ tịch", Some("UBND tỉnh")),
            triple("Hà Thị Lan", "Phó Chủ tịch", Some("UBND tỉnh")),
            triple("Sầm Văn Hoan", "Phó Chủ tịch", Some("UBND tỉnh")),
        ]
    );
    assert_eq!(
        officials("Ông Phùng Đức Mạnh được HĐND tỉnh bầu làm Phó Chủ tịch UBND tỉnh; bà Lê Thu Trang vừa được điều động, bổ nhiệm giữ chức Giám đốc Sở Nội vụ."),
        [
            triple("Phùng Đức Mạnh", "Phó Chủ tịch", Some("UBND tỉnh")),
            triple("Lê Thu Trang", "Giám đốc", Some("Sở Nội vụ")),
        ]
    );
    assert_eq!(
        officials("HĐND huyện miễn nhiệm chức vụ Phó Chủ tịch UBND huyện nhiệm kỳ 2021 - 2026 đối với ông Ma Văn Bình."),
        [triple("Ma Văn Bình", "Phó Chủ tịch", Some("UBND huyện"))]
    );
    assert_eq!(
        officials("UBND xã Na Hang hiện có Chủ tịch Hoàng Văn Sự và bà Nguyễn Thị Ánh - tân Phó Chủ tịch."),
        [
            triple("Hoàng Văn Sự", "Chủ tịch", Some("UBND xã Na Hang")),
            triple("Nguyễn Thị Ánh", "tân Phó Chủ tịch", Some("UBND xã Na Hang")),
        ]
    );
}

#[test]
fn organisation_names_with_va_branches_brands_and_long_lower_case_names() {
    assert_eq!(
        officials("Ông Lý Văn Hưng, Trưởng Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh, chỉ đạo khắc phục."),
        [triple("Lý Văn Hưng", "Trưởng Ban", Some("Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh"))]
    );
    assert_eq!(
        officials("Bà Vũ Thị Hoa, Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Phú Thọ cho biết."),
        [triple(
            "Vũ Thị Hoa",
            "Giám đốc",
            Some("Ngân hàng Nhà nước chi nhánh tỉnh Phú Thọ")
        )]
    );
    assert_eq!(
        officials("Ông Đinh Văn Tới - Giám đốc Công ty TNHH Cơ khí Trường Thịnh (phường Nông Trang) kiến nghị."),
        [triple("Đinh Văn Tới", "Giám đốc", Some("Công ty TNHH Cơ khí Trường Thịnh"))]
    );
    assert_eq!(
        officials("Ông Nông Văn Bằng, Trưởng ban Ban Chỉ đạo chương trình mục tiêu giảm nghèo bền vững huyện phát biểu."),
        [triple("Nông Văn Bằng", "Trưởng ban", Some("Ban Chỉ đạo chương trình mục tiêu giảm nghèo bền vững huyện"))]
    );
    assert_eq!(
        officials("Bà Triệu Thị Mai giữ chức Phó Trưởng phòng Văn hóa - Xã hội xã Minh Quang."),
        [triple(
            "Triệu Thị Mai",
            "Phó Trưởng phòng",
            Some("phòng Văn hóa - Xã hội xã Minh Quang")
        )]
    );
}

/// Top-level PER and ORG spans of `text`, and LOC spans, in order.
fn spans(text: &str) -> Vec<(String, String)> {
    let record = Pipeline::default().process(&Document::from_text("x", text));
    record
        .entities
        .into_iter()
        .filter(|e| !e.nested && matches!(e.kind.as_str(), "PER" | "ORG" | "LOC"))
        .map(|e| (e.kind, e.text))
        .collect()
}

fn span(kind: &str, text: &str) -> (String, String) {
    (kind.to_string(), text.to_string())
}

#[test]
fn minority_names_party_bodies_embassies_and_generic_coordination() {
    assert_eq!(
        spans("Bà H'Liên Niê trao quà tại nhà ông Thạch Sóc Pha; chị H'Liên cho biết."),
        [
            span("PER", "H'Liên Niê"),
            span("PER", "Thạch Sóc Pha"),
            span("PER", "H'Liên")
        ]
    );
    assert_eq!(
        spans("Dưới sự lãnh đạo của Đảng, Đảng ủy xã và Đảng viên đều đồng lòng."),
        [span("ORG", "Đảng"), span("ORG", "Đảng ủy xã")]
    );
    assert_eq!(
        spans("Dự có đại diện Đại sứ quán Nhật Bản, Thanh tra Bộ Nội vụ và Chi nhánh Văn phòng Đăng ký đất đai huyện Đức Trọng."),
        [
            span("ORG", "Đại sứ quán Nhật Bản"),
            span("ORG", "Thanh tra Bộ Nội vụ"),
            span("ORG", "Chi nhánh Văn phòng Đăng ký đất đai huyện Đức Trọng"),
        ]
    );
    // "UBND các xã" is generic, and so are the bodies sharing "các xã" with it.
    assert_eq!(
        spans(
            "Dự có Thường trực Đảng ủy, HĐND, UBND các xã; Công an huyện và UBND các xã phối hợp."
        ),
        [span("ORG", "Công an huyện")]
    );
}

#[test]
fn hospitals_departments_headlines_and_cooperatives() {
    assert_eq!(
        spans("Bác sĩ Bệnh viện Đa khoa khu vực Bồng Sơn và BS. Lê Văn Tâm, Trưởng khoa Hồi sức tích cực của bệnh viện, có mặt."),
        [
            span("ORG", "Bệnh viện Đa khoa khu vực Bồng Sơn"),
            span("PER", "Lê Văn Tâm"),
            span("ORG", "khoa Hồi sức tích cực"),
        ]
    );
    assert_eq!(
        spans("TĂNG CƯỜNG BẢO VỆ RỪNG DỌC SÔNG GÂM\n\nHợp tác xã Nông nghiệp Tân Tiến đã trở thành trung tâm kinh tế của vùng."),
        [span("LOC", "SÔNG GÂM"), span("ORG", "Hợp tác xã Nông nghiệp Tân Tiến")]
    );
}

#[test]
fn ranks_before_doi_voi_lists_with_gom_and_military_titles() {
    assert_eq!(
        officials("HĐND tỉnh miễn nhiệm chức danh Ủy viên UBND tỉnh đối với Đại tá Hà Văn Lực, do được điều động làm Giám đốc Công an tỉnh Hòa Bình."),
        [
            triple("Hà Văn Lực", "Ủy viên", Some("UBND tỉnh")),
            triple("Hà Văn Lực", "Giám đốc", Some("Công an tỉnh Hòa Bình")),
        ]
    );
    assert_eq!(
        officials("UBND xã Bảo Lâm có Chủ tịch Ly Văn Páo; các phó chủ tịch UBND xã gồm: ông Chu Văn Dũng và bà Thào Thị Mỷ."),
        [
            triple("Ly Văn Páo", "Chủ tịch", Some("UBND xã Bảo Lâm")),
            triple("Chu Văn Dũng", "phó chủ tịch", Some("UBND xã")),
            triple("Thào Thị Mỷ", "phó chủ tịch", Some("UBND xã")),
        ]
    );
    assert_eq!(
        officials("Thượng tá Hoàng Văn Kiên - Chính trị viên Đồn Biên phòng Cô Ba và Đại tá Nông Đức Lâm, Chính ủy BĐBP tỉnh dự lễ."),
        [
            triple("Hoàng Văn Kiên", "Chính trị viên", Some("Đồn Biên phòng Cô Ba")),
            triple("Nông Đức Lâm", "Chính ủy", Some("BĐBP tỉnh")),
        ]
    );
}

#[test]
fn venues_sites_numbered_roads_and_listed_streets_are_places() {
    let record = Pipeline::default().process(&Document::from_text(
        "x",
        "Hội nghị diễn ra tại Trung tâm Hội nghị tỉnh Hà Giang; đoàn viếng chùa Som Rông, lên Cột cờ Lũng Cú, đi ĐT.176 và đường Nguyễn Trãi và Trần Phú.",
    ));
    let places: Vec<(&str, bool, Option<&str>)> = record
        .entities
        .iter()
        .filter(|e| e.kind == "LOC")
        .map(|e| {
            let name = e.admin.as_ref().and_then(|a| a.name.as_deref());
            (e.text.as_str(), e.nested, name)
        })
        .collect();
    assert_eq!(
        places,
        [
            (
                "Trung tâm Hội nghị tỉnh Hà Giang",
                false,
                Some("Trung tâm Hội nghị tỉnh Hà Giang")
            ),
            ("tỉnh Hà Giang", true, Some("Tỉnh Hà Giang")),
            ("chùa Som Rông", false, Some("Chùa Som Rông")),
            ("Cột cờ Lũng Cú", false, Some("Cột cờ Lũng Cú")),
            ("Lũng Cú", true, Some("Xã Lũng Cú")),
            ("ĐT.176", false, Some("Đường tỉnh 176")),
            ("đường Nguyễn Trãi", false, Some("Đường Nguyễn Trãi")),
            ("Trần Phú", false, Some("Đường Trần Phú")),
        ]
    );
    assert!(record
        .entities
        .iter()
        .all(|e| e.kind != "ORG" && e.kind != "PER"));
}

#[test]
fn trials_brackets_generic_bodies_and_appositive_frames() {
    assert_eq!(
        officials("Bị cáo Đỗ Văn Hùng (SN 1971), nguyên Chủ tịch UBND phường Cao Xanh, khai nhận; Giám đốc bệnh viện Trần Văn Lâm cho biết thêm."),
        [
            triple("Đỗ Văn Hùng", "nguyên Chủ tịch", Some("UBND phường Cao Xanh")),
            triple("Trần Văn Lâm", "Giám đốc", None),
        ]
    );
    assert_eq!(
        officials("Bà Nông Thị Lụa, người vừa được hiệp thương cử giữ chức Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, phát biểu; Phó Chủ tịch UBND huyện - ông Hà Đức Minh cho biết."),
        [
            triple("Nông Thị Lụa", "Chủ tịch", Some("Hội Liên hiệp Phụ nữ tỉnh")),
            triple("Hà Đức Minh", "Phó Chủ tịch", Some("UBND huyện")),
        ]
    );
    assert_eq!(
        spans("Hội đồng xét xử tuyên phạt các bị cáo Tùng, Khải và Hằng; luật sư Vũ Minh Đạo đề nghị giảm nhẹ cho bị cáo Khải."),
        [
            span("PER", "Tùng"),
            span("PER", "Khải"),
            span("PER", "Hằng"),
            span("PER", "Vũ Minh Đạo"),
            span("PER", "Khải"),
        ]
    );
}

#[test]
fn coordinated_bodies_boards_of_parks_and_names_with_commas() {
    assert_eq!(
        spans("Dự có Hội Nông dân, Hội Cựu chiến binh tỉnh, Ban Quản lý các KCN tỉnh, Cục Hải quan Bắc Ninh và Cục Quản lý Khám, chữa bệnh."),
        [
            span("ORG", "Hội Nông dân"),
            span("ORG", "Hội Cựu chiến binh tỉnh"),
            span("ORG", "Ban Quản lý các KCN tỉnh"),
            span("ORG", "Cục Hải quan Bắc Ninh"),
            span("ORG", "Cục Quản lý Khám, chữa bệnh"),
        ]
    );
    assert_eq!(
        spans("Công ty TNHH Thiết bị Y tế Hồng Hà trao máy cho Trưởng ban Thường trực Ban Dân vận Tỉnh ủy."),
        [
            span("ORG", "Công ty TNHH Thiết bị Y tế Hồng Hà"),
            span("ORG", "Ban Dân vận Tỉnh ủy"),
        ]
    );
}

#[test]
fn brackets_descriptions_and_chained_terms_before_a_frame() {
    assert_eq!(
        officials("Trách nhiệm thuộc về ông Lò Văn Thái, nguyên Phó Chủ tịch UBND huyện Mai Sơn (nay là Phó Giám đốc Sở TN&MT)."),
        [
            triple("Lò Văn Thái", "nguyên Phó Chủ tịch", Some("UBND huyện Mai Sơn")),
            triple("Lò Văn Thái", "Phó Giám đốc", Some("Sở TN&MT")),
        ]
    );
    assert_eq!(
        officials("Ông Y Bun Êban, người nhiều năm làm công tác dân tộc, hiện là Phó Chủ tịch UBND huyện Krông Ana; ông Rơ Mah Tuấn, khi giữ chức Chủ tịch UBND huyện Ia Grai, đã buông lỏng quản lý."),
        [
            triple("Y Bun Êban", "Phó Chủ tịch", Some("UBND huyện Krông Ana")),
            triple("Rơ Mah Tuấn", "Chủ tịch", Some("UBND huyện Ia Grai")),
        ]
    );
    assert_eq!(
        officials("HĐND tỉnh miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh khóa XVI, nhiệm kỳ 2021 – 2026 đối với bà Lò Thị Hương."),
        [triple("Lò Thị Hương", "Phó Chủ tịch", Some("UBND tỉnh"))]
    );
}

#[test]
fn boards_alone_abbreviated_commands_long_names_and_brands() {
    assert_eq!(
        spans("Năm nay Ban Dân tộc và BCH Quân sự tỉnh phối hợp với Công ty TNHH Địa ốc Kim Phát Land thăm thầy Kim Sóc Khum và ông Y Thông Mlô Duôn Du."),
        [
            span("ORG", "Ban Dân tộc"),
            span("ORG", "BCH Quân sự tỉnh"),
            span("ORG", "Công ty TNHH Địa ốc Kim Phát Land"),
            span("PER", "Kim Sóc Khum"),
            span("PER", "Y Thông Mlô Duôn Du"),
        ]
    );
}

#[test]
fn banks_unions_schools_with_numbers_and_complete_names() {
    assert_eq!(
        spans("Trường THPT Quảng Xương 2 và Trường THPT chuyên Lam Sơn giành Huy chương Bạc; Công đoàn ngành Giáo dục tỉnh, Agribank Chi nhánh tỉnh Hà Tĩnh và Trung ương Hội Nông dân Việt Nam dự Ngày hội Nông dân."),
        [
            span("ORG", "Trường THPT Quảng Xương 2"),
            span("ORG", "Trường THPT chuyên Lam Sơn"),
            span("ORG", "Công đoàn ngành Giáo dục tỉnh"),
            span("ORG", "Agribank Chi nhánh tỉnh Hà Tĩnh"),
            span("ORG", "Trung ương Hội Nông dân Việt Nam"),
        ]
    );
    assert_eq!(
        officials("Phó Thống đốc NHNN Hà Thu Giang, ông Đỗ Văn Tân - Phó Giám đốc phụ trách NHCSXH tỉnh và bà Lê Mai, Vụ trưởng Vụ Tổng hợp giữ chức Phó Chủ nhiệm Văn phòng Chính phủ."),
        [
            triple("Hà Thu Giang", "Phó Thống đốc", Some("NHNN")),
            triple("Đỗ Văn Tân", "Phó Giám đốc phụ trách", Some("NHCSXH tỉnh")),
            triple("Lê Mai", "Vụ trưởng", Some("Vụ Tổng hợp")),
            triple("Lê Mai", "Phó Chủ nhiệm", Some("Văn phòng Chính phủ")),
        ]
    );
}

#[test]
fn village_heads_ministers_short_names_and_la_before_a_name() {
    assert_eq!(
        officials("Ông Lò Văn Mạnh được bầu làm Trưởng bản Áng 2; người kế nhiệm vị trí Trưởng phòng Nội vụ huyện là bà Cầm Thị Nga."),
        [
            triple("Lò Văn Mạnh", "Trưởng bản", Some("bản Áng 2")),
            triple("Cầm Thị Nga", "Trưởng phòng", Some("phòng Nội vụ huyện")),
        ]
    );
    assert_eq!(
        officials("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Đào Văn Quyết chủ trì. Theo Bộ trưởng Quyết, kinh tế tăng trưởng khá."),
        [
            triple("Đào Văn Quyết", "Chủ nhiệm", Some("Văn phòng Chính phủ")),
            triple("Đào Văn Quyết", "Bộ trưởng", Some("Văn phòng Chính phủ")),
            triple("Quyết", "Bộ trưởng", None),
        ]
    );
    assert_eq!(
        officials("Người ký là ông Hà Văn Bắc, khi đó là Giám đốc Sở Xây dựng."),
        [triple("Hà Văn Bắc", "Giám đốc", Some("Sở Xây dựng"))]
    );
}

#[test]
fn acronyms_in_brackets_plural_streets_squares_and_lower_case_verbs() {
    assert_eq!(
        spans("Ban Quản lý các KCN tỉnh (BQLKCN) và Phòng Cảnh sát PCCC và CNCH Công an tỉnh (PC07) kiểm tra; sau đó PC07 báo cáo."),
        [
            span("ORG", "Ban Quản lý các KCN tỉnh"),
            span("ORG", "BQLKCN"),
            span("ORG", "Phòng Cảnh sát PCCC và CNCH Công an tỉnh"),
            span("ORG", "PC07"),
            span("ORG", "PC07"),
        ]
    );
    let record = Pipeline::default().process(&Document::from_text(
        "x",
        "Lễ mít tinh tại Quảng trường Trần Phú; kiểm tra các tuyến đường Lê Lợi, Bà Triệu và góc đường Trần Hưng Đạo – Hùng Vương. UBND xã chỉ đạo các thôn.",
    ));
    let places: Vec<(&str, Option<&str>)> = record
        .entities
        .iter()
        .map(|e| {
            (
                e.text.as_str(),
                e.admin.as_ref().and_then(|a| a.name.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("Quảng trường Trần Phú", Some("Quảng trường Trần Phú")),
            ("Lê Lợi", Some("Đường Lê Lợi")),
            ("Bà Triệu", Some("Đường Bà Triệu")),
            ("đường Trần Hưng Đạo", Some("Đường Trần Hưng Đạo")),
            ("Hùng Vương", Some("Đường Hùng Vương")),
            ("UBND xã", None),
        ]
    );
}

#[test]
fn group_leaders_plural_list_titles_and_generic_schools() {
    assert_eq!(
        officials("Đoàn kiểm tra do Thượng tá Lê Văn Tình, Phó Trưởng phòng PC07 làm trưởng đoàn. Ban Dân vận Huyện ủy có các phó trưởng ban gồm: đồng chí Sầm Thị Lan, đồng chí Hà Văn Mạnh. TS. Lâm Văn Út, Hiệu trưởng nhà trường báo cáo."),
        [
            triple("Lê Văn Tình", "Phó Trưởng phòng", Some("phòng PC07")),
            triple("Lê Văn Tình", "trưởng đoàn", None),
            triple("Sầm Thị Lan", "phó trưởng ban", Some("Ban Dân vận Huyện ủy")),
            triple("Hà Văn Mạnh", "phó trưởng ban", Some("Ban Dân vận Huyện ủy")),
            triple("Lâm Văn Út", "Hiệu trưởng", None),
        ]
    );
}

#[test]
fn abbreviated_bodies_and_titles_of_domain_notes() {
    assert_eq!(
        spans("Dự có KBNN tỉnh, Hội LHPN, HND, HCCB, Tỉnh Đoàn và BQLDA ĐTXD huyện."),
        [
            span("ORG", "KBNN tỉnh"),
            span("ORG", "Hội LHPN"),
            span("ORG", "HND"),
            span("ORG", "HCCB"),
            span("ORG", "Tỉnh Đoàn"),
            span("ORG", "BQLDA ĐTXD huyện"),
        ]
    );
    assert_eq!(
        officials("Ông Trần Văn An, GĐ Trung tâm Y tế huyện kiểm tra."),
        [triple("Trần Văn An", "GĐ", Some("Trung tâm Y tế huyện"))]
    );
}

#[test]
fn numbered_teams_foreign_governments_initials_and_cycle_years() {
    assert_eq!(
        spans("Đội CSGT số 6 phát hiện tài xế N.V.T. (SN 1985) ở ngõ 72 Nguyễn Lương Bằng dịp Tết Giáp Thìn; Phòng Cảnh sát giao thông (CSGT) Công an TP Hà Nội xử lý."),
        [
            span("ORG", "Đội CSGT số 6"),
            span("PER", "N.V.T."),
            span("LOC", "Nguyễn Lương Bằng"),
            span("ORG", "Phòng Cảnh sát giao thông (CSGT) Công an TP Hà Nội"),
        ]
    );
    assert_eq!(
        officials("Ông Lý Minh, Phó Chủ tịch Chính phủ nhân dân tỉnh Vân Nam và Bí thư Huyện ủy Hà Khẩu Trương Kiến Hoa dự họp."),
        [
            triple("Lý Minh", "Phó Chủ tịch", Some("Chính phủ nhân dân tỉnh Vân Nam")),
            triple("Trương Kiến Hoa", "Bí thư", Some("Huyện ủy Hà Khẩu")),
        ]
    );
}

#[test]
fn stations_envoys_and_lower_case_generic_heads() {
    assert_eq!(
        officials("Ông Hà Văn Tâm, Trưởng trạm Chăn nuôi và Thú y huyện Văn Yên và bà Kim Min-ji, Giám đốc điều hành Công ty TNHH Hanul Việt Nam cùng dự; Trưởng trạm y tế Lê Thị Hồng báo cáo."),
        [
            triple("Hà Văn Tâm", "Trưởng trạm", Some("trạm Chăn nuôi và Thú y huyện Văn Yên")),
            triple("Kim Min-ji", "Giám đốc điều hành", Some("Công ty TNHH Hanul Việt Nam")),
            // A lower-case station is generic: the title has no organisation.
            triple("Lê Thị Hồng", "Trưởng trạm", None),
        ]
    );
}

#[test]
fn a_rank_or_a_degree_after_the_comma_marks_an_apposition() {
    assert_eq!(
        officials("Tại huyện Trảng Bom, Giám đốc Trung tâm Y tế huyện, BSCKI Trịnh Văn Lực thông tin về dịch sốt xuất huyết."),
        [triple("Trịnh Văn Lực", "Giám đốc", Some("Trung tâm Y tế huyện"))]
    );
    assert_eq!(
        officials(
            "Đội trưởng Đội CSGT số 4, Thiếu tá Trần Mạnh Cường đề nghị tăng cường tuần tra."
        ),
        [triple(
            "Trần Mạnh Cường",
            "Đội trưởng",
            Some("Đội CSGT số 4")
        )]
    );
    // An honorific is no apposition: the minister is someone else.
    assert_eq!(
        officials(
            "Nhận Bằng khen của Bộ trưởng Bộ GD&ĐT, bà Lê Thị Thanh Mai yêu cầu các phòng rà soát."
        ),
        []
    );
}

#[test]
fn names_listed_before_a_shared_frame_each_take_it() {
    assert_eq!(
        officials("Các đồng chí Trần Khắc Lộc, Đinh Thị Mai Phương và Lã Văn Thái được bầu làm Phó Bí thư Tỉnh ủy."),
        [
            triple("Trần Khắc Lộc", "Phó Bí thư", Some("Tỉnh ủy")),
            triple("Đinh Thị Mai Phương", "Phó Bí thư", Some("Tỉnh ủy")),
            triple("Lã Văn Thái", "Phó Bí thư", Some("Tỉnh ủy")),
        ]
    );
}

#[test]
fn thanh_pho_before_a_name_is_the_city_not_a_street() {
    assert_eq!(
        officials("Phát biểu khai mạc, Chủ tịch HĐND thành phố Tạ Quang Hữu đề nghị các đại biểu tập trung thảo luận."),
        [triple("Tạ Quang Hữu", "Chủ tịch", Some("HĐND thành phố"))]
    );
}

#[test]
fn names_read_whole_words_after_a_capitalised_syllable() {
    assert_eq!(
        orgs("Ông Lê Đình Quyết, Phó Giám đốc Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết mặn sẽ giảm."),
        ["Trung tâm Dự báo khí tượng thủy văn quốc gia"]
    );
    assert_eq!(
        orgs("Đoàn có đại diện Vụ Văn hóa dân tộc, Bệnh viện Bệnh Nhiệt đới Trung ương và Khoa Lịch sử."),
        ["Vụ Văn hóa dân tộc", "Bệnh viện Bệnh Nhiệt đới Trung ương", "Khoa Lịch sử"]
    );
    // A verb closing the sentence stays out; "và đại diện" is no bridge.
    assert_eq!(
        orgs("Viện Khoa học Thủy lợi miền Nam và đại diện Cục Trồng trọt phát biểu."),
        ["Viện Khoa học Thủy lợi miền Nam", "Cục Trồng trọt"]
    );
    assert_eq!(
        orgs("Cục Quản lý đê điều và Phòng, chống thiên tai đề nghị các tỉnh chủ động."),
        ["Cục Quản lý đê điều và Phòng, chống thiên tai"]
    );
    // What a body is about, after "về"; not after a complete name.
    assert_eq!(
        orgs("Ông Nguyễn Đức Toàn, Trưởng Phòng Cảnh sát phòng, chống tội phạm về môi trường Công an tỉnh cho biết."),
        ["Phòng Cảnh sát phòng, chống tội phạm về môi trường Công an tỉnh"]
    );
    assert_eq!(
        orgs("Ông trả lời Báo Tuổi Trẻ về mục tiêu tăng trưởng."),
        ["Báo Tuổi Trẻ"]
    );
}

#[test]
fn a_governor_abroad_takes_the_province_as_organisation() {
    assert_eq!(
        officials("Về phía Campuchia có ông Keo Sokhom, Tỉnh trưởng tỉnh Svay Rieng, cùng đoàn doanh nghiệp."),
        [triple("Keo Sokhom", "Tỉnh trưởng", Some("tỉnh Svay Rieng"))]
    );
}

#[test]
fn short_names_in_brackets_and_their_later_mentions() {
    assert_eq!(
        orgs("Theo Trung tâm Kiểm soát bệnh tật (CDC) Đồng Nai, số ca tăng. Bác sĩ Lê Quang Trung, Giám đốc CDC Đồng Nai cho biết thêm."),
        ["Trung tâm Kiểm soát bệnh tật (CDC) Đồng Nai", "CDC Đồng Nai"]
    );
    assert_eq!(
        orgs("Tập đoàn Nông nghiệp Hưng Thịnh (HTAgri) cam kết đầu tư; HTAgri sẽ xây nhà máy."),
        ["Tập đoàn Nông nghiệp Hưng Thịnh", "HTAgri", "HTAgri"]
    );
    // A sector's abbreviation inside a name is no organisation later.
    assert_eq!(
        orgs(
            "Phòng Cảnh sát giao thông (CSGT) Công an TP Hà Nội ra quân; lực lượng CSGT tuần tra."
        ),
        ["Phòng Cảnh sát giao thông (CSGT) Công an TP Hà Nội"]
    );
}

#[test]
fn a_standing_deputy_head_of_a_board() {
    assert_eq!(
        officials("Dự lễ có bà Sơn Thị Chanh Thu, Phó Trưởng ban Thường trực Ban Dân tộc tỉnh."),
        [triple(
            "Sơn Thị Chanh Thu",
            "Phó Trưởng ban Thường trực",
            Some("Ban Dân tộc tỉnh")
        )]
    );
}

#[test]
fn names_respectively_and_a_description_before_the_title() {
    assert_eq!(
        officials("Các ông Giàng A Sử, Lý Văn Chiến lần lượt giữ chức Chủ tịch UBND xã Tả Van, UBND xã Bản Hồ."),
        [
            triple("Giàng A Sử", "Chủ tịch", Some("UBND xã Tả Van")),
            triple("Lý Văn Chiến", "Chủ tịch", Some("UBND xã Bản Hồ")),
        ]
    );
    assert_eq!(
        officials("Ông Nguyễn Văn Hòa, cựu quân nhân, nguyên Chỉ huy phó Ban Chỉ huy Quân sự xã Kim Sơn, được bầu làm Trưởng thôn Trì Chính."),
        [
            triple("Nguyễn Văn Hòa", "nguyên Chỉ huy phó", Some("Ban Chỉ huy Quân sự xã Kim Sơn")),
            triple("Nguyễn Văn Hòa", "Trưởng thôn", Some("thôn Trì Chính")),
        ]
    );
}

#[test]
fn branches_of_national_bodies_and_abbreviations_inside_names() {
    assert_eq!(
        orgs(
            "Anh Nông Văn Quyết, Chủ tịch Hội Sinh viên Việt Nam tỉnh Thái Nguyên trao giấy khen."
        ),
        ["Hội Sinh viên Việt Nam tỉnh Thái Nguyên"]
    );
    assert_eq!(
        orgs("Đoàn kiểm tra của Sở Tài nguyên và Môi trường (TN&MT) tỉnh Bà Rịa - Vũng Tàu làm việc với doanh nghiệp."),
        ["Sở Tài nguyên và Môi trường (TN&MT) tỉnh Bà Rịa - Vũng Tàu"]
    );
    assert_eq!(
        orgs("Trường nhận Bằng khen của Bộ GD&ĐT và Cờ thi đua của UBND tỉnh."),
        ["Bộ GD&ĐT", "UBND tỉnh"]
    );
}

#[test]
fn a_title_in_brackets_and_a_second_title_after_kiem() {
    assert_eq!(
        officials("Ông Nguyễn Văn An (Chủ tịch UBND xã Tân Hòa) cho biết, xã đã hoàn thành."),
        [triple("Nguyễn Văn An", "Chủ tịch", Some("UBND xã Tân Hòa"))]
    );
    assert_eq!(
        officials("Bà Trương Thị Ngọc Diễm, Phó Chủ tịch UBND tỉnh kiêm Trưởng ban Chỉ huy PCTT&TKCN tỉnh chủ trì."),
        [
            triple("Trương Thị Ngọc Diễm", "Phó Chủ tịch", Some("UBND tỉnh")),
            triple("Trương Thị Ngọc Diễm", "Trưởng ban", Some("ban Chỉ huy PCTT&TKCN tỉnh")),
        ]
    );
}

#[test]
fn a_name_led_by_an_unlisted_family_name_and_a_title_before_its_term() {
    assert_eq!(
        officials(
            "NGƯT Đậu Văn Khang, nguyên Hiệu trưởng giai đoạn 1990 - 2006 nhớ lại những ngày đầu."
        ),
        [triple("Đậu Văn Khang", "nguyên Hiệu trưởng", None)]
    );
}

#[test]
fn a_plural_title_before_a_list_a_long_bracket_and_a_written_degree() {
    assert_eq!(
        officials("Dự họp có các Phó Chủ tịch UBND tỉnh Nguyễn Văn An, Trần Văn Bình."),
        [
            triple("Nguyễn Văn An", "Phó Chủ tịch", Some("UBND tỉnh")),
            triple("Trần Văn Bình", "Phó Chủ tịch", Some("UBND tỉnh")),
        ]
    );
    assert_eq!(
        officials("Bị cáo Phạm Văn Lợi (SN 1968, trú tại xã Hòa Bình, huyện Ba Vì), nguyên Chủ tịch UBND xã Hòa Bình, bị tuyên phạt 5 năm tù."),
        [triple("Phạm Văn Lợi", "nguyên Chủ tịch", Some("UBND xã Hòa Bình"))]
    );
    assert_eq!(
        officials("Giám đốc Bệnh viện Đa khoa tỉnh, bác sĩ Lê Văn Tâm cho biết."),
        [triple(
            "Lê Văn Tâm",
            "Giám đốc",
            Some("Bệnh viện Đa khoa tỉnh")
        )]
    );
}

#[test]
fn a_title_before_a_bare_head_has_no_organisation() {
    assert_eq!(
        officials("Ông Trần Văn Tư, Phó Giám đốc Sở, Chánh Thanh tra Sở Xây dựng báo cáo."),
        [
            triple("Trần Văn Tư", "Phó Giám đốc", None),
            triple(
                "Trần Văn Tư",
                "Chánh Thanh tra",
                Some("Thanh tra Sở Xây dựng")
            ),
        ]
    );
}

#[test]
fn a_given_name_alone_after_a_title_and_its_organisation() {
    assert_eq!(
        officials("Chủ tịch UBND tỉnh Trần Tiến Dũng chủ trì hội nghị. Kết luận hội nghị, Chủ tịch UBND tỉnh Dũng yêu cầu các sở khẩn trương."),
        [
            triple("Trần Tiến Dũng", "Chủ tịch", Some("UBND tỉnh")),
            triple("Dũng", "Chủ tịch", Some("UBND tỉnh")),
        ]
    );
}

#[test]
fn organisation_names_of_every_kind_are_read_whole() {
    // Names as agencies write them: lower-case words after the first,
    // sectors, parents, levels, numbers and places.
    const NAMES: &[&str] = &[
        "Trung tâm Phát triển quỹ đất tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh",
        "Chi cục Thủy sản tỉnh Bình Định",
        "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Ủy ban MTTQ Việt Nam huyện Tây Giang",
        "Công ty TNHH MTV Xổ số kiến thiết Cà Mau",
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
        "Trường Đại học Sư phạm Kỹ thuật Vĩnh Long",
        "Bệnh viện Sản - Nhi tỉnh",
        "Phòng Văn hóa và Thông tin huyện",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        "Liên đoàn Lao động tỉnh",
        "Kho bạc Nhà nước tỉnh",
        "Viện Kiểm sát nhân dân tỉnh",
        "Tòa án nhân dân huyện Ba Vì",
        "Bảo hiểm xã hội tỉnh",
        "Quỹ Bảo trợ trẻ em tỉnh",
        "Hội Chữ thập đỏ tỉnh",
        "Văn phòng Đăng ký đất đai tỉnh",
        "Ban Quản lý rừng phòng hộ Sông Tranh",
        "Hạt Kiểm lâm huyện Mèo Vạc",
        "Đội Quản lý thị trường số 3",
        "Trung tâm Dịch vụ nông nghiệp huyện",
        "Cục Thuế tỉnh",
        "Sở Nông nghiệp và Môi trường",
        "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện",
        "Ban Dân tộc tỉnh",
        "Hợp tác xã Nông nghiệp dịch vụ tổng hợp Tân Lập",
        "Công ty CP Cấp nước Vĩnh Long",
        "Tổng công ty Điện lực miền Bắc",
        "Cảng vụ Hàng hải Quy Nhơn",
        "Ban Quản lý Khu kinh tế tỉnh",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
        "Học viện Chính trị quốc gia Hồ Chí Minh",
    ];
    let mut wrong = Vec::new();
    for name in NAMES {
        let got = orgs(&format!("Đại diện {name} cho biết."));
        if got != [*name] {
            wrong.push(format!("{name} => {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn deputies_with_their_body_military_units_and_titles_ending_in_truong() {
    // "đại biểu" is a title only with the body written: before the name, or
    // in brackets after it; attendees ("Các đại biểu") get no record.
    assert_eq!(
        officials("Tại phiên thảo luận, đại biểu Quốc hội Lò Thị Mai phát biểu; đại biểu Hà Văn Khải (Đoàn ĐBQH tỉnh Sơn La) đồng tình. Các đại biểu Trần Văn Bảo và Lê Thị Hoa dự."),
        [
            triple("Lò Thị Mai", "đại biểu", Some("Quốc hội")),
            triple("Hà Văn Khải", "đại biểu", Some("Đoàn ĐBQH tỉnh Sơn La")),
        ]
    );
    // A unit named by its number; "Chỉ huy trưởng" shares no head with "Ban
    // Chỉ huy"; "Thuyền trưởng" is a trade, not a title.
    assert_eq!(
        officials("Đại tá Vi Văn Lâm, Sư đoàn trưởng Sư đoàn 316 cùng Thượng tá Hoàng Văn Đạt - Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Than Uyên kiểm tra. Thuyền trưởng Trần Văn Hùng cho biết tàu đã về bến."),
        [
            triple("Vi Văn Lâm", "Sư đoàn trưởng", Some("Sư đoàn 316")),
            triple(
                "Hoàng Văn Đạt",
                "Chỉ huy trưởng",
                Some("Ban Chỉ huy Quân sự huyện Than Uyên")
            ),
        ]
    );
    assert_eq!(
        orgs("Trung đoàn 98 giúp người dân xã Mường Kim dựng lại nhà."),
        ["Trung đoàn 98"]
    );
}

#[test]
fn modifiers_after_the_core_framing_bodies_and_verbs_of_speech() {
    assert_eq!(
        officials("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Vàng Văn Páo chủ trì; ông Đinh Văn Lực, Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh góp ý."),
        [
            triple("Vàng Văn Páo", "Chủ tịch", Some("HĐND tỉnh")),
            triple("Vàng Văn Páo", "Phó Bí thư Thường trực", Some("Tỉnh ủy")),
            triple(
                "Đinh Văn Lực",
                "Phó Trưởng đoàn chuyên trách",
                Some("Đoàn ĐBQH tỉnh")
            ),
        ]
    );
    // The body a sentence opens with ("Đại diện …", "Tại …") is the
    // organisation of a title written without one, before "cho biết".
    assert_eq!(
        officials("Đại diện Ngân hàng Chính sách xã hội tỉnh Yên Bái, bà Hoàng Thị Thu - Phó Giám đốc cho biết, dư nợ tăng 8%."),
        [triple(
            "Hoàng Thị Thu",
            "Phó Giám đốc",
            Some("Ngân hàng Chính sách xã hội tỉnh Yên Bái")
        )]
    );
    // Between commas after the title and its body; an electoral frame after
    // a comma ("đến nhận công tác và giữ chức").
    assert_eq!(
        officials("Theo Chi cục trưởng Chi cục Kiểm lâm tỉnh, ông Bế Văn Tùng, diện tích rừng tăng. UBND tỉnh điều động ông Lộc Văn Hải, Phó Giám đốc Sở Nội vụ, đến nhận công tác và giữ chức Giám đốc Sở Tư pháp."),
        [
            triple("Bế Văn Tùng", "Chi cục trưởng", Some("Chi cục Kiểm lâm tỉnh")),
            triple("Lộc Văn Hải", "Phó Giám đốc", Some("Sở Nội vụ")),
            triple("Lộc Văn Hải", "Giám đốc", Some("Sở Tư pháp")),
        ]
    );
}

#[test]
fn event_names_peoples_thi_marked_names_and_long_lower_case_bodies() {
    // A place ending an event's name is not annotated, nor read as a person;
    // peoples' names are no persons; "Thị" marks a woman's name whose
    // family name is not in the list.
    assert_eq!(
        spans("Kỷ niệm Ngày Nhà giáo Việt Nam, Ngày hội Nông dân Hà Tĩnh khai mạc; đồng bào Hà Nhì, La Hủ dự cùng bà Ma Ly Thị Hoa."),
        [span("PER", "Ma Ly Thị Hoa")]
    );
    assert_eq!(
        orgs("Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh và Chi cục An toàn vệ sinh thực phẩm cho biết."),
        [
            "Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh",
            "Chi cục An toàn vệ sinh thực phẩm"
        ]
    );
}

#[test]
fn numbers_sectors_and_levels_inside_names_and_delegations_from_places() {
    assert_eq!(
        orgs("Ban Chỉ đạo 389 tỉnh Lạng Sơn, Ban Quản lý dự án 2, Trường Tiểu học Hòa Bình 1, Tổng công ty Xây dựng Hoàng Sơn, Bệnh viện Đa khoa Trung tâm Tiền Giang và Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh dự; Đoàn huyện Mường Tè biểu diễn."),
        [
            "Ban Chỉ đạo 389 tỉnh Lạng Sơn",
            "Ban Quản lý dự án 2",
            "Trường Tiểu học Hòa Bình 1",
            "Tổng công ty Xây dựng Hoàng Sơn",
            "Bệnh viện Đa khoa Trung tâm Tiền Giang",
            "Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh"
        ]
    );
    // A team's number, then its head's name; a head, then a person.
    assert_eq!(
        officials("Đội trưởng Đội Quản lý thị trường số 5 Lương Văn Hải cho biết; bà Lò Thị Sen, Trưởng Ban Lê Hoàng Nam nói."),
        [triple(
            "Lương Văn Hải",
            "Đội trưởng",
            Some("Đội Quản lý thị trường số 5")
        )]
    );
}

#[test]
fn a_description_opening_with_nguoi_between_title_and_name() {
    assert_eq!(
        officials("Phát biểu là Trưởng phòng Nội vụ huyện Mù Cang Chải, người mới nhận nhiệm vụ từ tháng 5/2024, ông Giàng A Chu. HTX Chè Suối Giàng do chị Vàng Thị Dở, người Mông trắng làm giám đốc, có 30 thành viên."),
        [
            triple(
                "Giàng A Chu",
                "Trưởng phòng",
                Some("phòng Nội vụ huyện Mù Cang Chải")
            ),
            triple("Vàng Thị Dở", "giám đốc", Some("HTX Chè Suối Giàng")),
        ]
    );
}

#[test]
fn a_village_head_named_after_the_village() {
    assert_eq!(
        officials("Trưởng thôn Nà Lừa Hoàng Văn Pấu cho biết cả thôn đã góp công làm đường."),
        [triple("Hoàng Văn Pấu", "Trưởng thôn", Some("thôn Nà Lừa"))]
    );
}

#[test]
fn list_items_with_their_own_titles_and_people_framed_by_a_body() {
    // Each item of a list headed by a title keeps the list's title and its
    // own; a title after one name is not the next name's.
    assert_eq!(
        officials("Dự có các Ủy viên Ban Thường vụ Tỉnh ủy: đồng chí Lê Văn Tám - Trưởng ban Dân vận Tỉnh ủy, Đại tá Hà Văn Lục - Giám đốc Công an tỉnh."),
        [
            triple("Lê Văn Tám", "Ủy viên", Some("Ban Thường vụ Tỉnh ủy")),
            triple("Lê Văn Tám", "Trưởng ban", Some("ban Dân vận Tỉnh ủy")),
            triple("Hà Văn Lục", "Ủy viên", Some("Ban Thường vụ Tỉnh ủy")),
            triple("Hà Văn Lục", "Giám đốc", Some("Công an tỉnh")),
        ]
    );
    assert_eq!(
        officials("Về phía Sở Y tế có ông Đào Văn Quý - Giám đốc và bà Mai Thị Lan - Phó Giám đốc tham luận. Ông Chu Minh - Thị trưởng thành phố Bằng Tường cũng dự."),
        [
            triple("Đào Văn Quý", "Giám đốc", Some("Sở Y tế")),
            triple("Mai Thị Lan", "Phó Giám đốc", Some("Sở Y tế")),
            triple("Chu Minh", "Thị trưởng", Some("thành phố Bằng Tường")),
        ]
    );
}

#[test]
fn new_deputies_listed_after_their_body_brackets_and_transfers() {
    assert_eq!(
        officials("Phòng Hậu cần (PH10) có 2 Phó Trưởng phòng mới: Thiếu tá Lê Văn Bình và Đại úy Y Sa Niê."),
        [
            triple("Lê Văn Bình", "Phó Trưởng phòng", Some("Phòng Hậu cần")),
            triple("Y Sa Niê", "Phó Trưởng phòng", Some("Phòng Hậu cần")),
        ]
    );
    assert_eq!(
        officials("Thiếu tá Hồ Văn Tâm (Phó Trưởng Công an xã Ea Na) được bổ nhiệm làm Trưởng Công an xã Dray Bhăng; Trung tá Lò Văn Sơn, Trưởng Công an phường Tân An được điều động đến nhận công tác và giữ chức Phó Trưởng phòng."),
        [
            triple("Hồ Văn Tâm", "Phó Trưởng Công an", Some("Công an xã Ea Na")),
            triple("Hồ Văn Tâm", "Trưởng Công an", Some("Công an xã Dray Bhăng")),
            triple("Lò Văn Sơn", "Trưởng Công an", Some("Công an phường Tân An")),
            triple("Lò Văn Sơn", "Phó Trưởng phòng", None),
        ]
    );
    assert_eq!(
        officials(
            "Bà Bàn Thị Mai, người Dao, Chủ tịch Hội LHPN xã Thanh Luận chia sẻ kinh nghiệm."
        ),
        [triple(
            "Bàn Thị Mai",
            "Chủ tịch",
            Some("Hội LHPN xã Thanh Luận")
        )]
    );
}

#[test]
fn a_family_name_that_heads_bodies_after_an_honorific() {
    assert_eq!(
        officials(
            "Tiếp đoàn có bà Đoàn Thu Hà, Phó Chủ tịch UBND tỉnh; Đoàn Thanh niên tỉnh cũng dự."
        ),
        [triple("Đoàn Thu Hà", "Phó Chủ tịch", Some("UBND tỉnh"))]
    );
}
