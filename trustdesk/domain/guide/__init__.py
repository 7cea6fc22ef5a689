"""The guide: `chapters` reads and parses the chapter files, `search` finds words
across them, `progress` keeps which chapters were read and where. Plain Python, no Qt."""
