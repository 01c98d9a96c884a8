//! Partner registries: batches in, the change feed out, and `dermreg sync` between instances.
//!
//! | what | where |
//! | --- | --- |
//! | reading a batch, checking each item like a single submission, planning the upsert (pure) | [`batch`] |
//! | the feed's order, cursor, items and NDJSON streaming | [`feed`] |
//! | HTTP: `POST .../cases:batch`, `GET /v1/changes`, partner credentials | [`handlers`] |
//! | the database side: record keys, feed pages, origins, pull cursors | [`store`], [`schema`] |

pub mod batch;
pub mod feed;
pub mod handlers;
pub mod schema;
pub mod store;
