"""Layer 0: the vocabulary and rules everything else uses — configuration, the working-day calendar, deadline
rules, Indonesian dates and numbers, number patterns, safe file writing. Imports nothing of the pipeline."""
