let deep = 5
