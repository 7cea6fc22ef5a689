"""The Settings page (`page`) and its sections, one module per card: `appearance`,
`security` (auto-lock and erase), `passphrase`, `backups` and `data` (export and
import), all drawn on `section.Section`."""
