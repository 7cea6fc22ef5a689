"""The only code that touches SQLCipher: the vault, its migrations, repositories."""
