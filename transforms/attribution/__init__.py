"""Who stands behind a figure: sources, references, cues and the decision."""
