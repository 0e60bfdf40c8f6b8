"""Indonesian language processing: tokens, sentences, named entities and time expressions."""
