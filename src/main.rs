fn main() -> std::process::ExitCode {
    deskctl::run()
}
