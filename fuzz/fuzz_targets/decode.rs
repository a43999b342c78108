//! Decoding any bytes, detected or in a forced encoding chosen by the first
//! byte: no panic, and the text's byte range maps inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnpipe::decode::{decode, Encoding};

const FORCED: [Encoding; 12] = [
    Encoding::Utf8,
    Encoding::Utf8Lossy,
    Encoding::Utf16Le,
    Encoding::Utf16Be,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Windows1258,
    Encoding::Vps,
    Encoding::Viqr,
    Encoding::Mojibake { layers: 1 },
    Encoding::Mojibake { layers: 2 },
];

fuzz_target!(|data: &[u8]| {
    let forced = data.first().map(|b| FORCED[usize::from(*b) % FORCED.len()]);
    for encoding in [None, forced] {
        if let Ok(decoded) = decode(data, encoding) {
            let mapped = decoded.map.map_range(0..decoded.text.len());
            assert!(mapped.start <= mapped.end && mapped.end <= data.len());
        }
    }
});
