"""Per-language knowledge: each language's lexicons, patterns and models live in its own folder."""
