"""Layer 6: what people read — the Buku Register workbooks, the archive page, the status board, the signers'
waiting sheets, print bundles and the yearly report; rewritten from the database, never a record themselves."""
