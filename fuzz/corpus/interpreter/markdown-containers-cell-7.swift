let tight = 7
