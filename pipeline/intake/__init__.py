"""Layer 2: what comes in — watching the inbox, reading forms (docx/xlsx) into records, validating them, reading
answers and DIP/DIK lists, finding the document ID on a signed scan, the set-aside copy and its reason file."""
