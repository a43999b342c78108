//! `corpora/gazetteers/admin_units.tsv` (built by `scripts/build-gazetteer`):
//! the unit counts and spot checks of the project's domain notes.

use std::collections::BTreeSet;

use vnpipe::ner::admin::{AdminUnit, AdminUnits, Level, Status};

fn units() -> Vec<AdminUnit> {
    AdminUnits::embedded().iter().cloned().collect()
}

fn count(units: &[AdminUnit], status: Status, level: Level) -> usize {
    units
        .iter()
        .filter(|u| u.status == status && u.level == level)
        .count()
}

#[test]
fn counts_before_and_after_the_2025_reform() {
    let units = units();
    assert_eq!(count(&units, Status::Current, Level::Province), 34);
    assert_eq!(count(&units, Status::Current, Level::Commune), 3321);
    assert_eq!(count(&units, Status::Legacy, Level::Province), 63);
    assert_eq!(count(&units, Status::Legacy, Level::District), 696);
    assert_eq!(count(&units, Status::Legacy, Level::Commune), 10035);
    // Every legacy commune has a successor.
    assert!(units
        .iter()
        .filter(|u| u.status == Status::Legacy && u.level == Level::Commune)
        .all(|u| !u.successor_codes.is_empty()));
}

#[test]
fn spot_checks() {
    let units = units();
    let find = |status: &str, code: &str| {
        let status = if status == "current" {
            Status::Current
        } else {
            Status::Legacy
        };
        units
            .iter()
            .find(|u| u.status == status && u.code == code)
            .unwrap()
    };
    // Vĩnh Phúc (26) went into Phú Thọ (25), which has 148 communes now.
    assert_eq!(find("legacy", "26").full_name, "Tỉnh Vĩnh Phúc");
    assert_eq!(find("legacy", "26").successor_province, "25");
    assert_eq!(
        units
            .iter()
            .filter(|u| u.status == Status::Current
                && u.level == Level::Commune
                && u.parent_code == "25")
            .count(),
        148
    );
    // Huyện Sông Lô (253, in 26); code 08848 was Xã Đồng Thịnh and is Xã Sông Lô now.
    assert_eq!(
        (
            find("legacy", "253").full_name.as_str(),
            find("legacy", "253").parent_code.as_str()
        ),
        ("Huyện Sông Lô", "26")
    );
    assert_eq!(find("legacy", "08848").full_name, "Xã Đồng Thịnh");
    assert_eq!(find("current", "08848").full_name, "Xã Sông Lô");
    // Huyện Lập Thạch (246): its communes went to six new communes.
    let lap_thach: BTreeSet<&str> = units
        .iter()
        .filter(|u| {
            u.status == Status::Legacy && u.level == Level::Commune && u.parent_code == "246"
        })
        .flat_map(|u| u.successor_codes.iter().map(String::as_str))
        .collect();
    let names: BTreeSet<&str> = lap_thach
        .iter()
        .map(|c| find("current", c).full_name.as_str())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "Xã Hợp Lý",
            "Xã Liên Hòa",
            "Xã Lập Thạch",
            "Xã Sơn Đông",
            "Xã Thái Hòa",
            "Xã Tiên Lữ"
        ])
    );
    // Hà Nội: 30 districts before, 126 communes after; TP.HCM had 22 districts, Thủ Đức (769) among them.
    assert_eq!(
        units
            .iter()
            .filter(|u| u.status == Status::Legacy
                && u.level == Level::District
                && u.parent_code == "01")
            .count(),
        30
    );
    assert_eq!(
        units
            .iter()
            .filter(|u| u.status == Status::Current
                && u.level == Level::Commune
                && u.parent_code == "01")
            .count(),
        126
    );
    assert_eq!(
        units
            .iter()
            .filter(|u| u.status == Status::Legacy
                && u.level == Level::District
                && u.parent_code == "79")
            .count(),
        22
    );
    assert_eq!(find("legacy", "769").full_name, "Thành phố Thủ Đức");
}

#[test]
fn units_gone_before_2025_are_historic() {
    let units = units();
    let historic = |code: &str, name: &str| {
        units
            .iter()
            .find(|u| u.status == Status::Historic && u.code == code && u.full_name == name)
            .unwrap_or_else(|| panic!("no historic {code} {name}"))
    };
    // TP.HCM in 2019: Quận 2 (769), Quận 9 (763), Quận Thủ Đức (762), all in Thủ Đức (769) later.
    for (code, name) in [
        ("769", "Quận 2"),
        ("763", "Quận 9"),
        ("762", "Quận Thủ Đức"),
    ] {
        assert_eq!(historic(code, name).successor_codes, ["769"], "{name}");
    }
    // Thừa Thiên Huế became Thành phố Huế under the same code.
    assert_eq!(
        historic("46", "Tỉnh Thừa Thiên Huế").successor_codes,
        ["46"]
    );
    // Communes merged away before 2025 know only their 2025 province: 1,131 of them.
    let orphans = units
        .iter()
        .filter(|u| {
            u.status == Status::Historic
                && u.level == Level::Commune
                && u.successor_codes.is_empty()
        })
        .inspect(|u| assert!(!u.successor_province.is_empty(), "{}", u.full_name))
        .count();
    assert_eq!(orphans, 1131);
}

/// The post-2025 successors the linker reports, for the spot checks of the
/// domain notes (section F).
#[test]
fn successors_of_the_spot_checks() {
    use vnpipe::ner::gazetteer::Gazetteer;
    let g = Gazetteer::embedded();
    let names = |code: &str, status: Status| -> Vec<String> {
        let unit = g.unit(code, status).unwrap();
        g.successors(unit)
            .iter()
            .map(|&s| g.units()[s as usize].full_name.clone())
            .collect()
    };
    assert_eq!(names("26", Status::Legacy), ["Tỉnh Phú Thọ"]);
    assert_eq!(
        names("253", Status::Legacy),
        [
            "Xã Yên Lãng",
            "Xã Hải Lựu",
            "Xã Tam Sơn",
            "Xã Sông Lô",
            "Xã Sơn Đông"
        ]
    );
    let lap_thach = names("246", Status::Legacy);
    for want in [
        "Xã Lập Thạch",
        "Xã Hợp Lý",
        "Xã Thái Hòa",
        "Xã Liên Hòa",
        "Xã Tiên Lữ",
        "Xã Sơn Đông",
    ] {
        assert!(
            lap_thach.contains(&want.to_string()),
            "{want} in {lap_thach:?}"
        );
    }
    assert_eq!(lap_thach.len(), 6, "{lap_thach:?}");
    // Thành phố Thủ Đức (769) and, in 2019, Quận 2 under the same code.
    let thu_duc = names("769", Status::Legacy);
    assert_eq!(thu_duc.len(), 12, "{thu_duc:?}");
    assert!(thu_duc.contains(&"Phường Linh Xuân".to_string()));
    assert!(thu_duc.contains(&"Phường Cát Lái".to_string()));
    let quan_2 = g.unit("769", Status::Historic).unwrap();
    assert_eq!(g.units()[quan_2 as usize].full_name, "Quận 2");
    let quan_2: Vec<u32> = g.successors(quan_2).to_vec();
    assert!(!quan_2.is_empty());
    assert!(quan_2
        .iter()
        .all(|s| thu_duc.contains(&g.units()[*s as usize].full_name)));
    // The province of a legacy commune is the legacy province.
    let song_lo_commune = g.unit("08848", Status::Current).unwrap();
    assert_eq!(g.successors(song_lo_commune), &[] as &[u32]);
    let province = g.province_of(song_lo_commune).unwrap();
    assert_eq!(g.units()[province as usize].full_name, "Tỉnh Phú Thọ");
}
