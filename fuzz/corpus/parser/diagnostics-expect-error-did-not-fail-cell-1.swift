print("no error here")
