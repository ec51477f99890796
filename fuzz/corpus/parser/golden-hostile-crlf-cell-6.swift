print("end")
