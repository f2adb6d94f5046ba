//! `evaluate pages`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate pages is not written yet ({} args)", args.len()))
}
