//! Curated notes: topic progression, one note per mistake pattern and per topic (knowledge/, embedded).
