use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = dermreg::cli::Cli::parse();
    let settings = match dermreg::Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dermreg: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    dermreg::telemetry::init(&settings);
    match actix_web::rt::System::new().block_on(dermreg::cli::run(cli, settings)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dermreg: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
