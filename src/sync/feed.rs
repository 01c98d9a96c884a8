//! The change feed's order, and the NDJSON body that streams its pages as they are read (what one
//! item shows, and the cursor, are the API's: `handlers.rs`).
//!
//! Order and completeness: every change row carries the id of the transaction that wrote it
//! (`changes.txid`: PostgreSQL's top-level transaction id, 0 on SQLite) and the feed is ordered by
//! (txid, seq). A page reads only changes below the horizon (`store::horizon`: the oldest transaction
//! still running), and nothing can ever commit below it later, so a reader that follows the cursor
//! never passes a change that is still to come. On PostgreSQL a sequence value is taken before
//! commit, so ordering by seq alone could let a reader skip a change that commits late.

use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::web::Bytes;
use serde::Serialize;

use super::store::{self, Change, Position};
use crate::db::{Db, DbError};
use crate::registry::Registry;

/// Changes read from the database per query while streaming.
pub const STREAM_PAGE: i64 = 2000;

/// NDJSON lines of `changes`, one item per line, each as `view` shows it.
pub fn ndjson<T: Serialize>(changes: &[Change], view: impl Fn(&Change) -> T) -> Bytes {
    let mut out = Vec::with_capacity(changes.len() * 1024);
    for c in changes {
        serde_json::to_writer(&mut out, &view(c)).expect("feed items serialise");
        out.push(b'\n');
    }
    Bytes::from(out)
}
/// Every change of `registry` after `after` (up to `limit`, all without one) as NDJSON, page by
/// page. The first page is read before this returns (so a database failure is still the caller's
/// error, answered as a problem); the rest by a blocking task that sends page after page, up to the
/// horizon read at the start, until the reader goes away.
pub async fn stream<T: Serialize + 'static>(
    db: &Db,
    registry: Registry,
    after: Option<Position>,
    limit: Option<i64>,
    view: fn(&Change) -> T,
) -> Result<ChannelBody, DbError> {
    let first_limit = limit.unwrap_or(i64::MAX).min(STREAM_PAGE);
    let (instance, horizon, first) = db
        .read(move |c| -> Result<_, DbError> {
            let (instance, horizon) = (store::instance_id(c)?, store::horizon(c)?);
            let first = store::page(c, registry, after, horizon, first_limit, &instance)?;
            Ok((instance, horizon, first))
        })
        .await?;
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let db = db.clone();
    actix_web::rt::task::spawn_blocking(move || {
        let mut left = limit.unwrap_or(i64::MAX);
        let (mut page, mut asked) = (first, first_limit);
        loop {
            let Some(last) = page.last().map(|c: &Change| (c.txid, c.seq)) else { break };
            left -= page.len() as i64;
            let more = page.len() as i64 == asked && left > 0;
            if tx.blocking_send(Ok(ndjson(&page, view))).is_err() || !more {
                break;
            }
            asked = left.min(STREAM_PAGE);
            page = match db.read_blocking(|c| store::page(c, registry, Some(last), horizon, asked, &instance)) {
                Ok(p) => p,
                Err(e) => {
                    tracing::warn!(error = %e, "change feed stream stopped");
                    let _ = tx.blocking_send(Err(std::io::Error::other("the change feed could not be read")));
                    break;
                }
            };
        }
    });
    Ok(ChannelBody(rx))
}

/// A response body fed chunk by chunk from a channel: the reader thread sends each page as it is
/// read, so a pull of any size holds a couple of pages in memory. An `Err` aborts the response (the
/// client sees a cut stream and resumes from the last cursor it got).
pub struct ChannelBody(pub tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl MessageBody for ChannelBody {
    type Error = std::io::Error;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, Self::Error>>> {
        self.get_mut().0.poll_recv(cx)
    }
}
