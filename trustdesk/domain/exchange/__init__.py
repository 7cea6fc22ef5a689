"""The TrustDesk export format: `codec` encodes and decodes whole files, `records`
one entry, worksheet or step at a time, over `fields`' checks that name the
record and field at fault. Pure: no file, Qt or SQL work."""
