//! Partner registries: batches in, the change feed out, and `dermreg sync` between instances.
//!
//! | what | where |
//! | --- | --- |
//! | reading a batch, checking each item like a single submission, planning the upsert (pure) | [`batch`] |
//! | the feed's order and NDJSON streaming | [`feed`] |
//! | a batch end to end: intake on every core overlapping the one transaction that writes it | [`upsert`] |
//! | HTTP: `POST .../cases:batch`, `GET /v1/changes`, partner credentials | [`handlers`] |
//! | the database side: record keys, feed pages, origins, pull cursors | [`store`], [`schema`] |
//! | applying another instance's feed here: origins, no echo, tombstones | [`mirror`] |
//! | `dermreg sync push|pull`: HTTP client, retries, progress | [`client`] |

pub mod batch;
pub mod client;
pub mod feed;
pub mod handlers;
pub mod mirror;
pub mod schema;
pub mod store;
pub mod upsert;
