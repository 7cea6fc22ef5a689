"""Backups: `snapshot` makes and verifies one encrypted copy of an open vault;
`folder` is the backup folder (names, listing, when one is due, rotation)."""
