//! Accounts, revoked tokens and login-failure counters. Shared by every instance through the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Role;
use crate::db::schema::{rate_limits, revoked_tokens, users};
use crate::db::{DbConn, DbError};
use crate::registry::Registry;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = users)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct User {
    pub id: String,
    pub username: String,
    pub password_hash: String,
    pub role: String,
    pub registries: String,
    pub created_at: NaiveDateTime,
}

pub fn add_user(
    conn: &mut DbConn,
    username: &str,
    password_hash: &str,
    role: Role,
    registries: &[Registry],
) -> Result<String, DbError> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&id),
            users::username.eq(username),
            users::password_hash.eq(password_hash),
            users::role.eq(role.as_str()),
            users::registries.eq(super::registries_to_string(registries)),
            users::created_at.eq(crate::db::now()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_user(conn: &mut DbConn, username: &str) -> Result<Option<User>, DbError> {
    Ok(users::table.filter(users::username.eq(username)).select(User::as_select()).first(conn).optional()?)
}

pub fn revoke(conn: &mut DbConn, jti: &str) -> Result<(), DbError> {
    let already = is_revoked(conn, jti)?;
    if !already {
        diesel::insert_into(revoked_tokens::table)
            .values((revoked_tokens::jti.eq(jti), revoked_tokens::revoked_at.eq(crate::db::now())))
            .execute(conn)?;
    }
    Ok(())
}

pub fn is_revoked(conn: &mut DbConn, jti: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(revoked_tokens::table.filter(revoked_tokens::jti.eq(jti)))).get_result(conn)?)
}

/// Failed logins allowed per username in one window before 429.
pub const LOGIN_FAILURES_ALLOWED: i32 = 5;
pub const LOGIN_WINDOW_SECS: i64 = 15 * 60;

/// Seconds until `key` may try again, if its window is full.
pub fn blocked_for(conn: &mut DbConn, key: &str, allowed: i32, window_secs: i64) -> Result<Option<u64>, DbError> {
    let row: Option<(NaiveDateTime, i32)> = rate_limits::table
        .filter(rate_limits::key.eq(key))
        .select((rate_limits::window_start, rate_limits::count))
        .first(conn)
        .optional()?;
    let now = crate::db::now();
    Ok(row.and_then(|(start, count)| {
        let left = window_secs - (now - start).num_seconds();
        (left > 0 && count >= allowed).then_some(left as u64)
    }))
}

/// Counts one failure for `key` in its current fixed window (a new window starts when the old one ended).
pub fn count_failure(conn: &mut DbConn, key: &str, window_secs: i64) -> Result<(), DbError> {
    let now = crate::db::now();
    let row: Option<NaiveDateTime> =
        rate_limits::table.filter(rate_limits::key.eq(key)).select(rate_limits::window_start).first(conn).optional()?;
    match row {
        None => {
            diesel::insert_into(rate_limits::table)
                .values((rate_limits::key.eq(key), rate_limits::window_start.eq(now), rate_limits::count.eq(1)))
                .execute(conn)?;
        }
        Some(start) if (now - start).num_seconds() >= window_secs => {
            diesel::update(rate_limits::table.filter(rate_limits::key.eq(key)))
                .set((rate_limits::window_start.eq(now), rate_limits::count.eq(1)))
                .execute(conn)?;
        }
        Some(_) => {
            diesel::update(rate_limits::table.filter(rate_limits::key.eq(key)))
                .set(rate_limits::count.eq(rate_limits::count + 1))
                .execute(conn)?;
        }
    }
    Ok(())
}

pub fn clear_failures(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::delete(rate_limits::table.filter(rate_limits::key.eq(key))).execute(conn)?;
    Ok(())
}
