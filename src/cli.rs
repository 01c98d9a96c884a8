//! The `dermreg` command line: each subcommand calls one library function.

use std::io::BufRead;

use clap::{Parser, Subcommand};

use crate::auth::{self, Role};
use crate::config::Settings;
use crate::db::Db;
use crate::registry::Registry;

#[derive(Parser)]
#[command(name = "dermreg", version, about = "De-identified COVID-19 case registries for dermatology")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the API and pages (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Issue or revoke tokens (partner credentials, scripts).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Write a consistent copy of the embedded SQLite database while the service keeps running
    /// (PostgreSQL: use pg_dump).
    Backup {
        /// The new file to write; an existing file is never overwritten.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Print the OpenAPI document (the committed openapi.yaml is this output).
    Openapi,
    /// Build and store a summary release of a registry now (for a scheduled job).
    Publish {
        #[arg(long)]
        registry: Registry,
    },
    /// Store synthetic cases (demos, benchmarks) through the same validation and de-identification.
    Seed {
        #[arg(long)]
        registry: Registry,
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// Seed of the generator: the same seed gives the same cases.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print the raw synthetic forms (identifying fields included, as a clinic would send them)
        /// as NDJSON instead of storing them: load-test input.
        #[arg(long)]
        emit: bool,
    },
    /// Partner sync: push a file of cases in batches, or pull another dermreg's changes into this one.
    #[command(subcommand)]
    Sync(crate::sync::client::SyncCommand),
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add an account; the password is read from standard input, never from the command line.
    Add {
        #[arg(long)]
        username: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Comma-separated: general,psoriasis,atopic-dermatitis
        #[arg(long, default_value = "")]
        registries: String,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Issue a token and print only the token.
    Issue {
        #[arg(long)]
        subject: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long, default_value = "")]
        registries: String,
        /// Lifetime, e.g. 30d, 12h.
        #[arg(long, default_value = "30d")]
        ttl: String,
    },
    /// Revoke a token by its id (`jti`): refused by every instance from now on.
    Revoke {
        #[arg(long)]
        jti: String,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| "role must be clinician, curator, partner or admin".into())
}

/// An error for the operator: one line, exit code 1 (2 for usage errors, from clap).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

impl From<crate::app::StartError> for CliError {
    fn from(e: crate::app::StartError) -> Self {
        CliError(e.to_string())
    }
}
impl From<crate::sync::client::SyncError> for CliError {
    fn from(e: crate::sync::client::SyncError) -> Self {
        CliError(e.0)
    }
}
impl From<crate::db::DbError> for CliError {
    fn from(e: crate::db::DbError) -> Self {
        CliError(match e {
            crate::db::DbError::Conflict => "that already exists".into(),
            other => other.to_string(),
        })
    }
}

pub async fn run(cli: Cli, settings: Settings) -> Result<(), CliError> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => crate::app::serve(settings).await?,
        Command::Migrate => {
            Db::connect(&settings.database_url, 1)?;
            println!("migrations are up to date");
        }
        Command::Backup { to } => {
            let bytes = crate::db::backup::backup(&settings.database_url, &to)?;
            eprintln!("backup written: {} ({bytes} bytes)", to.display());
        }
        Command::Openapi => print!("{}", crate::http::openapi_text()),
        // Blocking HTTP client: on a thread of its own, outside the async runtime.
        Command::Sync(cmd) => {
            let summary = std::thread::spawn(move || crate::sync::client::run(cmd, settings))
                .join()
                .map_err(|_| CliError("sync stopped unexpectedly".into()))??;
            println!("{summary}");
        }
        Command::Publish { registry } => {
            let state = crate::AppState::build(settings)?;
            let started = std::time::Instant::now();
            let row = crate::summary::release::publish(&state.db, registry, state.settings.suppression_k, "cli", None)
                .map_err(|e| CliError(format!("no release made: {e}")))?;
            eprintln!(
                "release {} of {registry}: {} cases, built in {:.2} s",
                row.number,
                row.n,
                started.elapsed().as_secs_f64()
            );
            println!("{}", row.id);
        }
        Command::Seed { registry, count, seed, emit: true } => {
            let mut rng = crate::registry::seed::Rng::new(seed);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for _ in 0..count {
                let form = crate::registry::seed::form(registry, &mut rng);
                std::io::Write::write_all(&mut out, format!("{form}\n").as_bytes()).map_err(|e| CliError(e.to_string()))?;
            }
        }
        Command::Seed { registry, count, seed, emit: false } => {
            let state = crate::AppState::build(settings)?;
            let started = std::time::Instant::now();
            let stored = crate::registry::seed::load(&state, registry, count, seed, "seed")?;
            let secs = started.elapsed().as_secs_f64();
            eprintln!("stored {stored} synthetic {registry} cases in {secs:.1} s ({:.0} cases/s)", stored as f64 / secs);
        }
        Command::User(UserCommand::Add { username, role, registries }) => {
            let registries = auth::parse_registries(&registries).map_err(CliError)?;
            if username.trim().is_empty() || username.len() > 200 {
                return Err(CliError("username must be 1 to 200 characters".into()));
            }
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password).map_err(|e| CliError(format!("reading stdin: {e}")))?;
            let password = password.trim_end_matches(['\r', '\n']);
            if password.chars().count() < 12 {
                return Err(CliError("the password (from stdin) must be at least 12 characters".into()));
            }
            let hash = auth::password::hash(password);
            let state = crate::AppState::build(settings)?;
            state.db.write_blocking(|c| {
                let id = auth::store::add_user(c, &username, &hash, role, &registries)?;
                crate::audit::record(c, &crate::audit::Entry::new("cli", "user.add", "user", Some(&id), None))
            })?;
            eprintln!("account added");
        }
        Command::Token(TokenCommand::Issue { subject, role, registries, ttl }) => {
            let registries = auth::parse_registries(&registries).map_err(CliError)?;
            let ttl = crate::config::parse_duration(&ttl)
                .ok_or_else(|| CliError("--ttl must be a duration like 30d or 12h".into()))?;
            let state = crate::AppState::build(settings)?;
            let (token, claims) = state.keys.issue(&subject, role, &registries, ttl);
            state.db.write_blocking(|c| {
                crate::audit::record(c, &crate::audit::Entry::new("cli", "token.issue", "token", Some(&claims.jti), None))
            })?;
            println!("{token}");
        }
        Command::Token(TokenCommand::Revoke { jti }) => {
            let state = crate::AppState::build(settings)?;
            state.db.write_blocking(|c| {
                auth::store::revoke(c, &jti)?;
                crate::audit::record(c, &crate::audit::Entry::new("cli", "token.revoke", "token", Some(&jti), None))
            })?;
            eprintln!("token revoked");
        }
    }
    Ok(())
}
