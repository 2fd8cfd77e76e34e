"""Layer 5: each kind of case declared once (request, objection, answer, DIP list and recap, DIK, signed copy),
with its handler; the registry finds them by name."""
