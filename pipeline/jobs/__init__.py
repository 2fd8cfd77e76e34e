"""Layer 4: the machinery every kind shares — the job context, the handler contract (a job in, a typed outcome
out), the kind contract, the one filing transaction, drafting, the signers' desks, set-aside mechanics, recovery."""
