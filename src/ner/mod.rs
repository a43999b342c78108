//! Named-entity data and recognisers. So far: the administrative-unit
//! gazetteer ([`admin`]); recognition and linking build on it.

pub mod admin;
