"""Layer 3: what goes out — the letters as templates and their context, docxtpl rendering, LibreOffice conversion
to PDF/A and print PDF, QR codes, the DIP/DIK documents, the blank forms."""
