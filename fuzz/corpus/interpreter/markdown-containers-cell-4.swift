let quoted = 4
