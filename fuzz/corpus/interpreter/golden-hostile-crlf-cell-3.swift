let 名字 = "批量"
print(名字, terminator: "")
print("!")
