//! `evaluate polnear`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate polnear is not written yet ({} args)", args.len()))
}
