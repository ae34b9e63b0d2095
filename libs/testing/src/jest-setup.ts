// Deterministic time zone for every test (STYLE.md practice 23): shifts and SLA code
// must never depend on the machine's TZ.
process.env.TZ = 'UTC';
