let inList = 1
