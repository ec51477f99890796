let 名字 = "张量"
print(名字)
