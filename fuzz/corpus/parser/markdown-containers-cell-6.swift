let quoteInList = 6
